<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AdminTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/tab.py" line="52"/>
        <source>Unexpected error; details are in the log file.</source>
        <translation>Terjadi galat tak terduga; rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/tab.py" line="64"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/tab.py" line="65"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="26"/>
        <source>P4 Desk — Administration</source>
        <translation>P4 Desk — Admin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="39"/>
        <source>Agencies</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="40"/>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="41"/>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="42"/>
        <source>Permit types</source>
        <translation>Jenis Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="43"/>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="44"/>
        <source>Printers</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="45"/>
        <source>Site</source>
        <translation>Situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="46"/>
        <source>Site rules</source>
        <translation>Aturan situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="47"/>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
</context>
<context>
    <name>AgenciesTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="38"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="47"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="38"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="48"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="38"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="41"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="43"/>
        <source>Add agency</source>
        <translation>Tambah instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="44"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="82"/>
        <source>Agency %1 added.</source>
        <translation>Instansi %1 ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="96"/>
        <source>Agency %1 saved.</source>
        <translation>Instansi %1 disimpan.</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="29"/>
        <source>all users</source>
        <translation>semua pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="31"/>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="87"/>
        <source>all</source>
        <translation>semua</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="32"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="42"/>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="45"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="45"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="45"/>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="53"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="45"/>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="46"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="46"/>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="55"/>
        <source>Entity</source>
        <translation>Entitas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="46"/>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="95"/>
        <source>system</source>
        <translation>sistem</translation>
    </message>
</context>
<context>
    <name>CountersTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="303"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="315"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="303"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="316"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="303"/>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="303"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="303"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="309"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="311"/>
        <source>Add counter</source>
        <translation>Tambah loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="312"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="317"/>
        <source>Services served</source>
        <translation>Layanan yang dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="391"/>
        <source>Counter %1 added.</source>
        <translation>Loket %1 ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="401"/>
        <source>Counter %1 saved.</source>
        <translation>Loket %1 disimpan.</translation>
    </message>
</context>
<context>
    <name>PermitsTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="153"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="243"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="153"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="244"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="153"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="245"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="153"/>
        <source>Working days</source>
        <translation>Hari kerja</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="154"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="247"/>
        <source>Fee</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="154"/>
        <source>Retired</source>
        <translation>Pensiun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="164"/>
        <source> working days</source>
        <translation> hari kerja</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="170"/>
        <source>free</source>
        <translation>gratis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="172"/>
        <source>e.g. Perbup No. 12 Tahun 2024</source>
        <translation>mis. Perbup No. 12 Tahun 2024</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="174"/>
        <source>document the applicant receives</source>
        <translation>dokumen yang diterima pemohon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="176"/>
        <source>Add requirement</source>
        <translation>Tambah persyaratan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="177"/>
        <source>Remove requirement</source>
        <translation>Hapus persyaratan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="180"/>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="181"/>
        <source>Add permit type</source>
        <translation>Tambah jenis izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="182"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="183"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="347"/>
        <source>Retire</source>
        <translation>Pensiunkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="184"/>
        <source>Import catalogue…</source>
        <translation>Impor katalog…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="185"/>
        <source>Export catalogue…</source>
        <translation>Ekspor katalog…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="190"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="190"/>
        <source>Holiday</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="192"/>
        <source>Import holidays…</source>
        <translation>Impor hari libur…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="246"/>
        <source>Processing time</source>
        <translation>Jangka waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="248"/>
        <source>Legal basis</source>
        <translation>Dasar hukum</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="249"/>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="251"/>
        <source>Requirements (documents the applicant brings)</source>
        <translation>Persyaratan (dokumen yang dibawa pemohon)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="266"/>
        <source>Holidays</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="268"/>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="347"/>
        <source>Reinstate</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="410"/>
        <source>Permit type %1 added.</source>
        <translation>Jenis izin %1 ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="426"/>
        <source>Permit type %1 saved.</source>
        <translation>Jenis izin %1 disimpan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="439"/>
        <source>Permit type %1 retired: it takes no new applications.</source>
        <translation>Jenis izin %1 dipensiunkan: tidak menerima permohonan baru.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="441"/>
        <source>Permit type %1 reinstated.</source>
        <translation>Jenis izin %1 diaktifkan kembali.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="451"/>
        <source>Catalogue imported: %1 new, %2 changed, %3 unchanged, %4 holidays.</source>
        <translation>Katalog diimpor: %1 baru, %2 diubah, %3 tetap, %4 hari libur.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="470"/>
        <source>Catalogue (%1 permit types) saved to %2.</source>
        <translation>Katalog (%1 jenis izin) disimpan di %2.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="479"/>
        <source>%1 holidays stored.</source>
        <translation>%1 hari libur disimpan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="485"/>
        <source>Import catalogue</source>
        <translation>Impor katalog</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="491"/>
        <source>Export catalogue</source>
        <translation>Ekspor katalog</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="497"/>
        <source>Import holidays</source>
        <translation>Impor hari libur</translation>
    </message>
</context>
<context>
    <name>PrintersTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="48"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="49"/>
        <source>Test print</source>
        <translation>Tes cetak</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="52"/>
        <source>Ticket printer</source>
        <translation>Printer tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="53"/>
        <source>Ticket paper width</source>
        <translation>Lebar kertas tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="54"/>
        <source>Receipt paper</source>
        <translation>Kertas tanda terima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="79"/>
        <source>Printer settings saved.</source>
        <translation>Pengaturan printer disimpan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="86"/>
        <source>Test ticket sent: %1</source>
        <translation>Tiket uji dikirim: %1</translation>
    </message>
</context>
<context>
    <name>RequirementsTable</name>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="89"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="89"/>
        <source>Requirement</source>
        <translation>Persyaratan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="89"/>
        <source>Mandatory</source>
        <translation>Wajib</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="127"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="169"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="127"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="170"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="127"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="171"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="127"/>
        <source>Prefix</source>
        <translation>Awalan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="128"/>
        <source>Target wait (min)</source>
        <translation>Target tunggu (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="128"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="174"/>
        <source>Daily quota</source>
        <translation>Kuota harian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="128"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="150"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="142"/>
        <source>no quota</source>
        <translation>tanpa kuota</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="149"/>
        <source>Open around the clock</source>
        <translation>Buka 24 jam</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="153"/>
        <source>Monday</source>
        <translation>Senin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="153"/>
        <source>Tuesday</source>
        <translation>Selasa</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="153"/>
        <source>Wednesday</source>
        <translation>Rabu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="153"/>
        <source>Thursday</source>
        <translation>Kamis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="154"/>
        <source>Friday</source>
        <translation>Jumat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="154"/>
        <source>Saturday</source>
        <translation>Sabtu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="154"/>
        <source>Sunday</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="160"/>
        <source>closed (e.g. 08:00-12:00, 13:00-15:30)</source>
        <translation>tutup (contoh: 08:00-12:00, 13:00-15:30)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="165"/>
        <source>Add service</source>
        <translation>Tambah layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="166"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="172"/>
        <source>Ticket prefix</source>
        <translation>Awalan nomor antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="173"/>
        <source>Target waiting time (min)</source>
        <translation>Target waktu tunggu (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="175"/>
        <source>Priority head start (min)</source>
        <translation>Keunggulan antrian prioritas (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="176"/>
        <source>Usual service time (min)</source>
        <translation>Perkiraan lama layanan (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="187"/>
        <source>Opening hours (breaks separated by commas)</source>
        <translation>Jam layanan (sesi dipisah koma, jeda istirahat di antaranya)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="273"/>
        <source>Service %1 added with ticket prefix %2.</source>
        <translation>Layanan %1 ditambahkan dengan awalan nomor %2.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="292"/>
        <source>Service %1 saved.</source>
        <translation>Layanan %1 disimpan.</translation>
    </message>
</context>
<context>
    <name>SiteRulesTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/site_rules_tab.py" line="120"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../p4_desk/gui/admin/site_rules_tab.py" line="146"/>
        <source>Site rules saved (%n changed).</source>
        <translation>
            <numerusform>Aturan situs disimpan (%n diubah).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="131"/>
        <source>Voice announcements on this display</source>
        <translation>Panggilan suara di layar ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="139"/>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="141"/>
        <source>Daily automatic backup of the database</source>
        <translation>Cadangkan basis data otomatis setiap hari</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="146"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="147"/>
        <source>Back up now</source>
        <translation>Cadangkan sekarang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="150"/>
        <source>Site name</source>
        <translation>Nama situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="151"/>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="152"/>
        <source>Running text on the display</source>
        <translation>Teks berjalan di layar antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="154"/>
        <source>Voice volume (this PC)</source>
        <translation>Volume suara (PC ini)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="155"/>
        <source>Lock the screen after (this PC)</source>
        <translation>Kunci layar setelah (PC ini)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="157"/>
        <source>Automatic backups kept</source>
        <translation>Jumlah cadangan otomatis yang disimpan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="176"/>
        <source>Backup written: %1</source>
        <translation>Cadangan ditulis: %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="218"/>
        <source>Settings saved.</source>
        <translation>Pengaturan disimpan.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="26"/>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="43"/>
        <source>User name</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="26"/>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="44"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="26"/>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="45"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="26"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="35"/>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="36"/>
        <source>Change role</source>
        <translation>Ubah peran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="37"/>
        <source>Reset password</source>
        <translation>Reset kata sandi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="38"/>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="39"/>
        <source>Disable</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="40"/>
        <source>Enable</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="46"/>
        <source>Password (new user or reset)</source>
        <translation>Kata sandi (pengguna baru atau reset)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="64"/>
        <source>Account %1 unlocked.</source>
        <translation>Kunci akun %1 dibuka.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="68"/>
        <source>Account %1 disabled.</source>
        <translation>Akun %1 dinonaktifkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="74"/>
        <source>Account %1 enabled.</source>
        <translation>Akun %1 diaktifkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="83"/>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="85"/>
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="86"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="114"/>
        <source>User %1 added.</source>
        <translation>Pengguna %1 ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="121"/>
        <source>Role of %1 changed.</source>
        <translation>Peran %1 diubah.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="128"/>
        <source>New password set for %1.</source>
        <translation>Kata sandi baru untuk %1 sudah disetel.</translation>
    </message>
</context>
</TS>
