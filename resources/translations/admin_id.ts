<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AdminTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/tab.py" line="131"/>
        <source>Unexpected error; details are in the log file.</source>
        <translation>Terjadi galat tak terduga; rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/tab.py" line="288"/>
        <source>The form holds changes that are not saved. Discard them and show another record?</source>
        <translation>Formulir berisi perubahan yang belum disimpan. Buang perubahan dan tampilkan data lain?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/tab.py" line="291"/>
        <source>Discard changes?</source>
        <translation>Buang perubahan?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/tab.py" line="320"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/tab.py" line="321"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="24"/>
        <source>P4 Desk — Administration</source>
        <translation>P4 Desk — Admin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="40"/>
        <source>Agencies</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="41"/>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="42"/>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="43"/>
        <source>Service standards</source>
        <translation>Standar layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="44"/>
        <source>Permit types</source>
        <translation>Jenis Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="45"/>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="46"/>
        <source>Printers</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="47"/>
        <source>Site</source>
        <translation>Situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="48"/>
        <source>Site rules</source>
        <translation>Aturan situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="49"/>
        <source>Appointments</source>
        <translation>Janji temu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/window.py" line="50"/>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
</context>
<context>
    <name>AgenciesTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="65"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="68"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="66"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="68"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="60"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="68"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="62"/>
        <source>Add agency</source>
        <translation>Tambah instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="63"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="89"/>
        <source>Agency %1 added.</source>
        <translation>Instansi %1 ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="97"/>
        <source>Agency %1 saved.</source>
        <translation>Instansi %1 disimpan.</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="42"/>
        <source>all users</source>
        <extracomment>Qt&apos;s pattern of ``domain.wording.format_date`` (``4 Maret 2026``; month names from the locale)</extracomment>
        <translation>semua pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="44"/>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="96"/>
        <source>all</source>
        <translation>semua</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="45"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="55"/>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="58"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="58"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="58"/>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="66"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="58"/>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="59"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="59"/>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="68"/>
        <source>Entity</source>
        <translation>Entitas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="59"/>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_tab.py" line="104"/>
        <source>system</source>
        <translation>sistem</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="40"/>
        <source>Agency added</source>
        <extracomment>counter states (``services.queue.COUNTER_STATE_LABELS``; gui/ does not import services&apos; dicts) detail keys whose value is a state identifier of some lifecycle</extracomment>
        <translation>Instansi ditambahkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="41"/>
        <source>Agency changed</source>
        <translation>Instansi diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="42"/>
        <source>Application status from the central office</source>
        <translation>Status permohonan dari kantor pusat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="43"/>
        <source>Permit application received</source>
        <translation>Permohonan izin diterima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="44"/>
        <source>Application status changed</source>
        <translation>Status permohonan diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="45"/>
        <source>Receipt printed</source>
        <translation>Tanda terima dicetak</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="46"/>
        <source>Receipt reprinted</source>
        <translation>Tanda terima dicetak ulang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="47"/>
        <source>Permit catalogue imported</source>
        <translation>Katalog izin diimpor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="48"/>
        <source>Complaint received</source>
        <translation>Pengaduan diterima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="49"/>
        <source>Complaint moved to the next step</source>
        <translation>Pengaduan masuk tahap berikutnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="50"/>
        <source>Counter added</source>
        <translation>Loket ditambahkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="51"/>
        <source>Counter changed</source>
        <translation>Loket diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="52"/>
        <source>Counter opened</source>
        <translation>Loket dibuka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="53"/>
        <source>Counter on a break</source>
        <translation>Loket istirahat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="54"/>
        <source>Counter closed</source>
        <translation>Loket ditutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="55"/>
        <source>Holidays imported</source>
        <translation>Hari libur diimpor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="56"/>
        <source>Permit type added</source>
        <translation>Jenis izin ditambahkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="57"/>
        <source>Permit type changed</source>
        <translation>Jenis izin diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="58"/>
        <source>Collective leave rule of a permit type changed</source>
        <translation>Aturan cuti bersama jenis izin diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="59"/>
        <source>Permit type retired</source>
        <translation>Jenis izin dinonaktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="60"/>
        <source>Permit type reinstated</source>
        <translation>Jenis izin diaktifkan kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="61"/>
        <source>Service added</source>
        <translation>Layanan ditambahkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="62"/>
        <source>Service changed</source>
        <translation>Layanan diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="63"/>
        <source>Site rule changed</source>
        <translation>Aturan situs diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="64"/>
        <source>Site created</source>
        <translation>Situs dibuat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="65"/>
        <source>Site changed</source>
        <translation>Situs diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="66"/>
        <source>Satisfaction survey answered</source>
        <translation>Survei kepuasan diisi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="67"/>
        <source>Catalogue received from the central API</source>
        <translation>Katalog diterima dari API pusat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="68"/>
        <source>Site enrolled with the central API</source>
        <translation>Situs didaftarkan ke API pusat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="69"/>
        <source>Failed sends queued again</source>
        <translation>Kiriman gagal diantrekan lagi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="70"/>
        <source>Ticket taken</source>
        <translation>Tiket diambil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="71"/>
        <source>Next ticket called</source>
        <translation>Tiket berikutnya dipanggil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="72"/>
        <source>Chosen ticket called</source>
        <translation>Tiket pilihan dipanggil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="73"/>
        <source>Ticket called</source>
        <translation>Tiket dipanggil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="74"/>
        <source>Ticket called again</source>
        <translation>Tiket dipanggil ulang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="75"/>
        <source>Service started</source>
        <translation>Layanan dimulai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="76"/>
        <source>Service finished</source>
        <translation>Layanan selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="77"/>
        <source>Ticket marked no-show</source>
        <translation>Tiket ditandai tidak hadir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="78"/>
        <source>No-show queued again</source>
        <translation>Tiket tidak hadir diaktifkan kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="79"/>
        <source>Ticket transferred</source>
        <translation>Tiket dialihkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="80"/>
        <source>Ticket cancelled</source>
        <translation>Tiket dibatalkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="81"/>
        <source>Ticket returned to its queue</source>
        <translation>Tiket dikembalikan ke antreannya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="82"/>
        <source>Ticket sent to the printer</source>
        <translation>Tiket dikirim ke printer</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="83"/>
        <source>Ticket reprinted</source>
        <translation>Tiket dicetak ulang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="84"/>
        <source>Ticket waiting for the printer</source>
        <translation>Tiket menunggu printer</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="85"/>
        <source>Ticket printed</source>
        <translation>Tiket tercetak</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="86"/>
        <source>Ticket print failed</source>
        <translation>Tiket gagal dicetak</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="87"/>
        <source>User added</source>
        <translation>Pengguna ditambahkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="88"/>
        <source>User disabled</source>
        <translation>Pengguna dinonaktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="89"/>
        <source>User enabled</source>
        <translation>Pengguna diaktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="90"/>
        <source>Logged in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="91"/>
        <source>Login failed</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="92"/>
        <source>Password changed</source>
        <translation>Kata sandi diganti</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="93"/>
        <source>Role changed</source>
        <translation>Peran diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="94"/>
        <source>Account unlocked</source>
        <translation>Kunci akun dibuka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="95"/>
        <source>Workstation setting changed</source>
        <translation>Pengaturan PC diubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="100"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="101"/>
        <source>Application</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="102"/>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="103"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="104"/>
        <source>Holiday</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="105"/>
        <source>Outbox</source>
        <translation>Antrean kirim</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="106"/>
        <source>Permit type</source>
        <translation>Jenis izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="107"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="108"/>
        <source>Site</source>
        <translation>Situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="109"/>
        <source>Site rule</source>
        <translation>Aturan situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="110"/>
        <source>Survey</source>
        <translation>Survei</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="111"/>
        <source>Synchronisation</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="112"/>
        <source>Ticket</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="113"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="114"/>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="119"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="120"/>
        <source>added</source>
        <translation>ditambahkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="121"/>
        <source>after</source>
        <translation>sesudah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="122"/>
        <source>agency</source>
        <translation>instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="123"/>
        <source>agency name</source>
        <translation>nama instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="124"/>
        <source>before</source>
        <translation>sebelum</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="125"/>
        <source>channel</source>
        <translation>saluran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="126"/>
        <source>code</source>
        <translation>kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="127"/>
        <source>copy</source>
        <translation>salinan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="128"/>
        <source>count</source>
        <translation>jumlah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="129"/>
        <source>counter</source>
        <translation>loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="130"/>
        <source>collective leave is a working day</source>
        <translation>cuti bersama dihitung hari kerja</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="131"/>
        <source>daily quota</source>
        <translation>kuota harian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="132"/>
        <source>usual service (min)</source>
        <translation>lama layanan biasa (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="133"/>
        <source>error</source>
        <translation>kesalahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="134"/>
        <source>fee</source>
        <translation>biaya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="135"/>
        <source>by the supervisor</source>
        <translation>oleh supervisor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="137"/>
        <source>holidays</source>
        <translation>hari libur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="138"/>
        <source>how</source>
        <translation>cara</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="140"/>
        <source>ids</source>
        <translation>id</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="136"/>
        <source>from</source>
        <translation>dari</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="139"/>
        <source>identity</source>
        <translation>identitas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="141"/>
        <source>incomplete</source>
        <translation>belum lengkap</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="142"/>
        <source>setting</source>
        <translation>pengaturan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="143"/>
        <source>kind</source>
        <translation>jenis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="144"/>
        <source>legal basis</source>
        <translation>dasar hukum</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="145"/>
        <source>account locked</source>
        <translation>akun terkunci</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="146"/>
        <source>mandatory</source>
        <translation>wajib</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="147"/>
        <source>name</source>
        <translation>nama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="148"/>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="149"/>
        <source>note</source>
        <translation>catatan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="150"/>
        <source>number</source>
        <translation>nomor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="151"/>
        <source>old</source>
        <translation>lama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="152"/>
        <source>opening hours</source>
        <translation>jam buka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="153"/>
        <source>paper</source>
        <translation>kertas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="154"/>
        <source>permit type</source>
        <translation>jenis izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="155"/>
        <source>permit types</source>
        <translation>jenis izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="156"/>
        <source>prefix</source>
        <translation>awalan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="157"/>
        <source>priority</source>
        <translation>prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="158"/>
        <source>priority head start (min)</source>
        <translation>keunggulan prioritas (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="159"/>
        <source>product</source>
        <translation>produk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="160"/>
        <source>reason</source>
        <translation>alasan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="161"/>
        <source>recalls</source>
        <translation>panggil ulang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="162"/>
        <source>requirements</source>
        <translation>persyaratan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="163"/>
        <source>retired</source>
        <translation>dinonaktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="164"/>
        <source>role</source>
        <translation>peran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="165"/>
        <source>service</source>
        <translation>layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="166"/>
        <source>services</source>
        <translation>layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="167"/>
        <source>state</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="168"/>
        <source>printer</source>
        <translation>printer</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="169"/>
        <source>target wait (min)</source>
        <translation>target tunggu (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="170"/>
        <source>ticket</source>
        <translation>tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="171"/>
        <source>time zone</source>
        <translation>zona waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="172"/>
        <source>to</source>
        <translation>ke</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="173"/>
        <source>unchanged</source>
        <translation>tidak berubah</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="174"/>
        <source>updated</source>
        <translation>diperbarui</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="175"/>
        <source>address</source>
        <translation>alamat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="176"/>
        <source>working days</source>
        <translation>hari kerja</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="177"/>
        <source>years</source>
        <translation>tahun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="198"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/audit_words.py" line="198"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>BookingRulesTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="48"/>
        <source>Takes appointments</source>
        <translation>Menerima janji temu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="55"/>
        <source>Arrival order at check-in</source>
        <translation>Urutan kedatangan saat check-in</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="56"/>
        <source>Called at the appointment time</source>
        <translation>Dipanggil pada jam janji</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="59"/>
        <source>Monday</source>
        <translation>Senin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="59"/>
        <source>Tuesday</source>
        <translation>Selasa</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="59"/>
        <source>Wednesday</source>
        <translation>Rabu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="59"/>
        <source>Thursday</source>
        <translation>Kamis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="60"/>
        <source>Friday</source>
        <translation>Jumat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="60"/>
        <source>Saturday</source>
        <translation>Sabtu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="60"/>
        <source>Sunday</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="66"/>
        <source>none (e.g. 08:00-12:00, 13:00-15:00)</source>
        <translation>tidak ada (mis. 08:00-12:00, 13:00-15:00)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="70"/>
        <source>Save rule</source>
        <translation>Simpan aturan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="72"/>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="91"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="74"/>
        <source>Slot length (min)</source>
        <translation>Lama slot (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="75"/>
        <source>Seats per slot</source>
        <translation>Kapasitas per slot</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="76"/>
        <source>Days ahead</source>
        <translation>Hari pemesanan ke depan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="77"/>
        <source>Daily quota kept for walk-ins</source>
        <translation>Kuota harian untuk yang datang langsung</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="79"/>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="92"/>
        <source>Check-in policy</source>
        <translation>Kebijakan check-in</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="80"/>
        <source>Head start at the appointment time (min)</source>
        <translation>Keunggulan waktu pada jam janji (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="87"/>
        <source>Appointment hours (several periods separated by commas)</source>
        <translation>Jam janji temu (beberapa rentang dipisah koma)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="91"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="91"/>
        <source>Appointments</source>
        <translation>Janji temu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="91"/>
        <source>Slot (min)</source>
        <translation>Slot (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="92"/>
        <source>Seats</source>
        <translation>Kapasitas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="92"/>
        <source>Walk-in share</source>
        <translation>Bagian walk-in</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="132"/>
        <source>Choose a service in the list first.</source>
        <translation>Pilih layanan di daftar terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/booking_tab.py" line="150"/>
        <source>Appointment rule of %1 saved.</source>
        <translation>Aturan janji temu %1 disimpan.</translation>
    </message>
</context>
<context>
    <name>CountersTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="278"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="282"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="279"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="282"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="282"/>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="282"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="273"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="282"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="275"/>
        <source>Add counter</source>
        <translation>Tambah loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="276"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="280"/>
        <source>Services served</source>
        <translation>Layanan yang dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="328"/>
        <source>Counter %1 added.</source>
        <translation>Loket %1 ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="338"/>
        <source>Counter %1 saved.</source>
        <translation>Loket %1 disimpan.</translation>
    </message>
</context>
<context>
    <name>PermitsTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="96"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="109"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="96"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="110"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="96"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="111"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="96"/>
        <source>Working days</source>
        <translation>Hari kerja</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="97"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="113"/>
        <source>Fee</source>
        <translation>Biaya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="97"/>
        <source>Retired</source>
        <translation>Pensiun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="64"/>
        <source> working days</source>
        <translation> hari kerja</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="69"/>
        <source>free</source>
        <translation>gratis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="71"/>
        <source>e.g. Perbup No. 12 Tahun 2024</source>
        <translation>mis. Perbup No. 12 Tahun 2024</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="73"/>
        <source>document the applicant receives</source>
        <translation>dokumen yang diterima pemohon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="75"/>
        <source>Add requirement</source>
        <translation>Tambah persyaratan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="77"/>
        <source>Remove requirement</source>
        <translation>Hapus persyaratan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="80"/>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="81"/>
        <source>Add permit type</source>
        <translation>Tambah jenis izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="82"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="83"/>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="168"/>
        <source>Retire</source>
        <translation>Pensiunkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="84"/>
        <source>Import catalogue…</source>
        <translation>Impor katalog…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="85"/>
        <source>Export catalogue…</source>
        <translation>Ekspor katalog…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="90"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="90"/>
        <source>Holiday</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="92"/>
        <source>Import holidays…</source>
        <translation>Impor hari libur…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="112"/>
        <source>Processing time</source>
        <translation>Jangka waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="114"/>
        <source>Legal basis</source>
        <translation>Dasar hukum</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="115"/>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="117"/>
        <source>Requirements (documents the applicant brings)</source>
        <translation>Persyaratan (dokumen yang dibawa pemohon)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="134"/>
        <source>Holidays</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="136"/>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="168"/>
        <source>Reinstate</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="236"/>
        <source>Permit type %1 added.</source>
        <translation>Jenis izin %1 ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="249"/>
        <source>Permit type %1 saved.</source>
        <translation>Jenis izin %1 disimpan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="259"/>
        <source>Permit type %1 retired: it takes no new applications.</source>
        <translation>Jenis izin %1 dipensiunkan: tidak menerima permohonan baru.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="261"/>
        <source>Permit type %1 reinstated.</source>
        <translation>Jenis izin %1 diaktifkan kembali.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="270"/>
        <source>Catalogue imported: %1 new, %2 changed, %3 unchanged, %4 holidays.</source>
        <translation>Katalog diimpor: %1 baru, %2 diubah, %3 tetap, %4 hari libur.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="283"/>
        <source>Catalogue (%1 permit types) saved to %2.</source>
        <translation>Katalog (%1 jenis izin) disimpan di %2.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="292"/>
        <source>%1 holidays stored.</source>
        <translation>%1 hari libur disimpan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="296"/>
        <source>Import catalogue</source>
        <translation>Impor katalog</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="302"/>
        <source>Export catalogue</source>
        <translation>Ekspor katalog</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/permits_tab.py" line="308"/>
        <source>Import holidays</source>
        <translation>Impor hari libur</translation>
    </message>
</context>
<context>
    <name>PrintersTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="47"/>
        <source>A PDF file in the data folder</source>
        <translation>Berkas PDF di folder data</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="52"/>
        <source>Printer installed on this computer</source>
        <translation>Printer yang terpasang di komputer ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="61"/>
        <source>Choose an installed printer, or type a target: pdf, pdf:FILE, printer:NAME, escpos-net:HOST:PORT, escpos-file:DEVICE, escpos-usb:VID:PID, escpos-serial:PORT.</source>
        <translation>Pilih printer yang terpasang, atau ketik tujuan cetak: pdf, pdf:BERKAS, printer:NAMA, escpos-net:HOST:PORT, escpos-file:PERANGKAT, escpos-usb:VID:PID, escpos-serial:PORT.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="73"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="74"/>
        <source>Test print</source>
        <translation>Tes cetak</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="77"/>
        <source>Ticket printer</source>
        <translation>Printer tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="78"/>
        <source>Ticket paper width</source>
        <translation>Lebar kertas tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="79"/>
        <source>Receipt paper</source>
        <translation>Kertas tanda terima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="101"/>
        <source>Printer settings saved.</source>
        <translation>Pengaturan printer disimpan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="115"/>
        <source>Test ticket sent: %1</source>
        <translation>Tiket uji dikirim: %1</translation>
    </message>
</context>
<context>
    <name>RequirementsTable</name>
    <message>
        <location filename="../../p4_desk/gui/admin/requirements.py" line="16"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/requirements.py" line="16"/>
        <source>Requirement</source>
        <translation>Persyaratan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/requirements.py" line="16"/>
        <source>Mandatory</source>
        <translation>Wajib</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="159"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="177"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="160"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="177"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="161"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="177"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="177"/>
        <source>Prefix</source>
        <translation>Awalan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="178"/>
        <source>Target wait (min)</source>
        <translation>Target tunggu (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="164"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="178"/>
        <source>Daily quota</source>
        <translation>Kuota harian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="140"/>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="178"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="132"/>
        <source>no quota</source>
        <translation>tanpa kuota</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="139"/>
        <source>Open around the clock</source>
        <translation>Buka 24 jam</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="143"/>
        <source>Monday</source>
        <translation>Senin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="143"/>
        <source>Tuesday</source>
        <translation>Selasa</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="143"/>
        <source>Wednesday</source>
        <translation>Rabu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="143"/>
        <source>Thursday</source>
        <translation>Kamis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="144"/>
        <source>Friday</source>
        <translation>Jumat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="144"/>
        <source>Saturday</source>
        <translation>Sabtu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="144"/>
        <source>Sunday</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="150"/>
        <source>closed (e.g. 08:00-12:00, 13:00-15:30)</source>
        <translation>tutup (contoh: 08:00-12:00, 13:00-15:30)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="155"/>
        <source>Add service</source>
        <translation>Tambah layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="156"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="162"/>
        <source>Ticket prefix</source>
        <translation>Awalan nomor antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="163"/>
        <source>Target waiting time (min)</source>
        <translation>Target waktu tunggu (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="165"/>
        <source>Priority head start (min)</source>
        <translation>Keunggulan antrian prioritas (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="166"/>
        <source>Usual service time (min)</source>
        <translation>Perkiraan lama layanan (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="172"/>
        <source>Opening hours (breaks separated by commas)</source>
        <translation>Jam layanan (sesi dipisah koma, jeda istirahat di antaranya)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="248"/>
        <source>Service %1 added with ticket prefix %2.</source>
        <translation>Layanan %1 ditambahkan dengan awalan nomor %2.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/catalog_tabs.py" line="263"/>
        <source>Service %1 saved.</source>
        <translation>Layanan %1 disimpan.</translation>
    </message>
</context>
<context>
    <name>SiteRulesTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/site_rules_tab.py" line="131"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../p4_desk/gui/admin/site_rules_tab.py" line="156"/>
        <source>Site rules saved (%n changed).</source>
        <translation>
            <numerusform>Aturan situs disimpan (%n diubah).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="128"/>
        <source>Voice announcements on this display</source>
        <translation>Panggilan suara di layar ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="136"/>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="138"/>
        <source>Daily automatic backup of the database</source>
        <translation>Cadangkan basis data otomatis setiap hari</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="143"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="144"/>
        <source>Back up now</source>
        <translation>Cadangkan sekarang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="147"/>
        <source>Site name</source>
        <translation>Nama situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="148"/>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="149"/>
        <source>Running text on the display</source>
        <translation>Teks berjalan di layar antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="151"/>
        <source>Voice volume (this PC)</source>
        <translation>Volume suara (PC ini)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="152"/>
        <source>Lock the screen after (this PC)</source>
        <translation>Kunci layar setelah (PC ini)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="154"/>
        <source>Automatic backups kept</source>
        <translation>Jumlah cadangan otomatis yang disimpan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="173"/>
        <source>Backup written: %1</source>
        <translation>Cadangan ditulis: %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/settings_tabs.py" line="204"/>
        <source>Settings saved.</source>
        <translation>Pengaturan disimpan.</translation>
    </message>
</context>
<context>
    <name>StandardsTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="32"/>
        <source>rupiah; 0 = free; empty = not filled in</source>
        <translation>rupiah; 0 = gratis; kosong = belum diisi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="36"/>
        <source>Published to citizens (kiosk, board)</source>
        <translation>Dipublikasikan ke warga (kiosk, layar display)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="37"/>
        <source>Save standard</source>
        <translation>Simpan standar</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="39"/>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="53"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="41"/>
        <source>Requirements (one per line)</source>
        <translation>Persyaratan (satu per baris)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="43"/>
        <source>Procedure (one step per line)</source>
        <translation>Prosedur (satu langkah per baris)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="44"/>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="70"/>
        <source>Time to complete</source>
        <translation>Jangka waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="45"/>
        <source>Fee (Rp)</source>
        <translation>Biaya/tarif (Rp)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="46"/>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="72"/>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="47"/>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="73"/>
        <source>Complaint handling</source>
        <translation>Penanganan pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="48"/>
        <source>Legal basis</source>
        <translation>Dasar hukum</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="53"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="53"/>
        <source>Published</source>
        <translation>Dipublikasikan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="53"/>
        <source>Missing parts</source>
        <translation>Belum diisi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="63"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="68"/>
        <source>Requirements</source>
        <translation>Persyaratan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="69"/>
        <source>Procedure</source>
        <translation>Prosedur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="71"/>
        <source>Fee</source>
        <translation>Biaya/tarif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="91"/>
        <source>Choose a service in the list first.</source>
        <translation>Pilih layanan di daftar terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="95"/>
        <source>The fee is a whole number of rupiah, e.g. 50000.</source>
        <translation>Biaya berupa bilangan bulat rupiah, misalnya 50000.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/standards_tab.py" line="110"/>
        <source>Standard of %1 saved.</source>
        <translation>Standar layanan %1 disimpan.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="51"/>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="55"/>
        <source>User name</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="52"/>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="55"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="53"/>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="55"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="55"/>
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
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="39"/>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="43"/>
        <source>Disable</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="47"/>
        <source>Enable</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="54"/>
        <source>Password (new user or reset)</source>
        <translation>Kata sandi (pengguna baru atau reset)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="40"/>
        <source>Account %1 unlocked.</source>
        <translation>Kunci akun %1 dibuka.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="44"/>
        <source>Account %1 disabled.</source>
        <translation>Akun %1 dinonaktifkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="48"/>
        <source>Account %1 enabled.</source>
        <translation>Akun %1 diaktifkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="70"/>
        <source>disabled</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="72"/>
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="73"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="95"/>
        <source>User %1 added.</source>
        <translation>Pengguna %1 ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="106"/>
        <source>Role of %1 changed.</source>
        <translation>Peran %1 diubah.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/admin/users_tab.py" line="113"/>
        <source>New password set for %1.</source>
        <translation>Kata sandi baru untuk %1 sudah disetel.</translation>
    </message>
</context>
</TS>
