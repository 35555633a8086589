<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ApplicationsDialog</name>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="65"/>
        <source>Permit applications</source>
        <translation>Permohonan Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="69"/>
        <source>Registration number, NIK, name or phone</source>
        <translation>Nomor pendaftaran, NIK, nama atau telepon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="70"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="72"/>
        <source>Registration no.</source>
        <translation>No. pendaftaran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="72"/>
        <source>Applicant</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="72"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="72"/>
        <source>Permit</source>
        <translation>Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="73"/>
        <location filename="../../p4_desk/gui/intake/applications.py" line="76"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="73"/>
        <source>Due</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="76"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="76"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="76"/>
        <location filename="../../p4_desk/gui/intake/applications.py" line="84"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="80"/>
        <source>Change status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="81"/>
        <source>Next step</source>
        <translation>Langkah berikutnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="83"/>
        <source>New status</source>
        <translation>Status baru</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="89"/>
        <source>Hand over and print receipt</source>
        <translation>Serahkan dan cetak tanda terima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="90"/>
        <source>Hand-over (check the KTP-el of the person collecting)</source>
        <translation>Penyerahan izin (periksa KTP-el pengambil)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="92"/>
        <source>NIK on the KTP-el</source>
        <translation>NIK pada KTP-el</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="93"/>
        <source>Received by</source>
        <translation>Diterima oleh</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="99"/>
        <source>Reprint intake receipt (copy)</source>
        <translation>Cetak ulang tanda terima (salinan)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="145"/>
        <source>Searching…</source>
        <translation>Mencari…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="158"/>
        <source>{count} application(s) found.</source>
        <translation>{count} permohonan ditemukan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="160"/>
        <source>No application matches.</source>
        <translation>Tidak ada permohonan yang cocok.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="188"/>
        <source>Search for an application, then choose it in the list.</source>
        <translation>Cari permohonan, lalu pilih dari daftar.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="189"/>
        <source>Choose an application in the list first.</source>
        <translation>Pilih dulu permohonan di daftar.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="193"/>
        <source>Applicant: {name} (NIK {nik}, {phone})</source>
        <translation>Pemohon: {name} (NIK {nik}, {phone})</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="196"/>
        <source>Status: {state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="197"/>
        <source> — incomplete dossier</source>
        <translation> — berkas belum lengkap</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="198"/>
        <source>Received {received}, due {due}, fee {fee}</source>
        <translation>Diterima {received}, selesai {due}, biaya {fee}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="206"/>
        <source>Missing documents: {missing}</source>
        <translation>Berkas yang belum diserahkan: {missing}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="208"/>
        <source>Handed over to {name}</source>
        <translation>Diserahkan kepada {name}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="227"/>
        <source>Already handed over.</source>
        <translation>Sudah diserahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="230"/>
        <source>Hand-over is possible once the status is &quot;{ready}&quot; (now: {state}).</source>
        <translation>Penyerahan baru bisa setelah status &quot;{ready}&quot; (sekarang: {state}).</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="256"/>
        <source>Status changed to {state}.</source>
        <translation>Status diubah menjadi {state}.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="284"/>
        <source>Handed over. Receipt kept in {path}</source>
        <translation>Izin diserahkan. Tanda terima disimpan di {path}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="302"/>
        <source>Copy kept in {path}</source>
        <translation>Salinan disimpan di {path}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="319"/>
        <source>Unexpected error. Details are in the log.</source>
        <translation>Terjadi kesalahan tak terduga. Rinciannya ada di log.</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="58"/>
        <source>Permit application intake</source>
        <translation>Penerimaan Permohonan Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="61"/>
        <source>Ticket {number} — {service}</source>
        <translation>Tiket {number} — {service}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="65"/>
        <source>Walk-in applicant (no queue ticket)</source>
        <translation>Pemohon tanpa nomor antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="72"/>
        <source>Save and print receipt</source>
        <translation>Simpan dan cetak tanda terima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="73"/>
        <source>Print a copy of the receipt</source>
        <translation>Cetak salinan tanda terima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="75"/>
        <source>Clear form</source>
        <translation>Kosongkan formulir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="76"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="96"/>
        <source>Close the form? What was typed stays as a draft and comes back when the form is opened again for this ticket on this PC.</source>
        <translation>Tutup formulir? Isian tetap tersimpan sebagai draf dan muncul lagi saat formulir dibuka untuk tiket ini di PC ini.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="113"/>
        <source>Loading the permit catalogue…</source>
        <translation>Memuat katalog izin…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="128"/>
        <source>An incomplete dossier is accepted and marked &quot;berkas belum lengkap&quot; on the receipt.</source>
        <translation>Berkas yang belum lengkap tetap diterima dan ditandai &quot;berkas belum lengkap&quot; pada tanda terima.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="132"/>
        <source>An incomplete dossier is refused: every mandatory document is needed.</source>
        <translation>Berkas yang belum lengkap ditolak: semua dokumen wajib harus diserahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="141"/>
        <source>Draft restored: what was typed earlier is back.</source>
        <translation>Draf dipulihkan: isian sebelumnya dimuat kembali.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="170"/>
        <source>{count}/16 digits</source>
        <translation>{count}/16 digit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="180"/>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="180"/>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="184"/>
        <source>{sex} · born {born} · {region}</source>
        <translation>{sex} · lahir {born} · {region}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="211"/>
        <source>{date} (estimate)</source>
        <translation>{date} (perkiraan: libur resmi belum terbit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="213"/>
        <source>{days} working days · due {due} · fee {fee} · {agency}</source>
        <translation>{days} hari kerja · perkiraan selesai {due} · biaya {fee} · {agency}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="246"/>
        <source>Draft not saved: {message}</source>
        <translation>Draf tidak tersimpan: {message}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="258"/>
        <source>Form cleared.</source>
        <translation>Formulir dikosongkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="271"/>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="280"/>
        <source>The application was not saved. Check the fields marked in red.</source>
        <translation>Permohonan belum disimpan. Periksa isian yang ditandai merah.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="292"/>
        <source>Unexpected error; the form is kept. Details are in the log.</source>
        <translation>Terjadi kesalahan tak terduga; isian formulir tetap tersimpan. Rinciannya ada di log.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="305"/>
        <source>Saved. Registration number &lt;b&gt;{number}&lt;/b&gt;, due {due}.</source>
        <translation>Tersimpan. Nomor pendaftaran &lt;b&gt;{number}&lt;/b&gt;, perkiraan selesai {due}.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="310"/>
        <source>Incomplete dossier (berkas belum lengkap): {missing}</source>
        <translation>Berkas belum lengkap, belum diserahkan: {missing}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="315"/>
        <source>Preparing the receipt…</source>
        <translation>Menyiapkan tanda terima…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="335"/>
        <source>Receipt kept in {path}</source>
        <translation>Tanda terima disimpan di {path}</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="73"/>
        <source>Mandatory</source>
        <translation>Wajib</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="73"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="73"/>
        <source>Document (tick when received)</source>
        <translation>Dokumen (centang bila diterima)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="88"/>
        <source>Applicant</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="90"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="91"/>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="92"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="93"/>
        <source>E-mail (optional)</source>
        <translation>Email (opsional)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="94"/>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="95"/>
        <source>Business (optional)</source>
        <translation>Data usaha (opsional)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="97"/>
        <source>NIB</source>
        <translation>NIB</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="98"/>
        <source>Business name</source>
        <translation>Nama usaha</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="104"/>
        <source>Permit</source>
        <translation>Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="109"/>
        <source>Documents checklist</source>
        <translation>Daftar periksa berkas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="175"/>
        <source>— choose a permit type —</source>
        <translation>— pilih jenis izin —</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="204"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/form.py" line="204"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <location filename="../../p4_desk/gui/intake/receipt_print.py" line="85"/>
        <source>Receipt preview</source>
        <translation>Pratinjau tanda terima</translation>
    </message>
</context>
</TS>
