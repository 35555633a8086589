<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ApplicationPanel</name>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="45"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="45"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="45"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="45"/>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="54"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="50"/>
        <source>Change status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="53"/>
        <source>New status</source>
        <translation>Status baru</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="61"/>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="113"/>
        <source>Reprint intake receipt (copy)</source>
        <translation>Cetak ulang tanda terima (salinan)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="68"/>
        <source>Next step</source>
        <translation>Langkah berikutnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="69"/>
        <source>Deadline clock</source>
        <translation>Jangka waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="70"/>
        <source>Hand-over</source>
        <translation>Penyerahan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="83"/>
        <source>Search for an application, then choose it in the list.</source>
        <translation>Cari permohonan, lalu pilih dari daftar.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="84"/>
        <source>Choose an application in the list first.</source>
        <translation>Pilih dulu permohonan di daftar.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="102"/>
        <source>Already handed over.</source>
        <translation>Sudah diserahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="104"/>
        <source>Hand-over is possible once the status is &quot;{ready}&quot; (now: {state}).</source>
        <translation>Penyerahan baru bisa setelah status &quot;{ready}&quot; (sekarang: {state}).</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="111"/>
        <source>Print receipt with the new expected completion</source>
        <translation>Cetak tanda terima dengan perkiraan selesai yang baru</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="119"/>
        <source>Applicant: {name} (NIK {nik}, {phone})</source>
        <translation>Pemohon: {name} (NIK {nik}, {phone})</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="122"/>
        <source>Status: {state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="123"/>
        <source> — incomplete dossier</source>
        <translation> — berkas belum lengkap</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="124"/>
        <source>Received {received}, due {due}, fee {fee}</source>
        <translation>Diterima {received}, selesai {due}, biaya {fee}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="130"/>
        <source>Deadline clock: {summary}</source>
        <translation>Jangka waktu: {summary}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="133"/>
        <source>Missing documents: {missing}</source>
        <translation>Berkas yang belum diserahkan: {missing}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="137"/>
        <source>Handed over to {name}, representative (NIK {nik}), power of attorney checked</source>
        <translation>Diserahkan kepada {name}, penerima kuasa (NIK {nik}), surat kuasa diperiksa</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="141"/>
        <source>Handed over to {name}</source>
        <translation>Diserahkan kepada {name}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/application_panel.py" line="147"/>
        <source>clock stopped ({days} working days left)</source>
        <translation>jangka waktu berhenti (sisa {days} hari kerja)</translation>
    </message>
</context>
<context>
    <name>ApplicationsDialog</name>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="56"/>
        <source>Permit applications</source>
        <translation>Permohonan Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="60"/>
        <source>Registration number, NIK, name or phone</source>
        <translation>Nomor pendaftaran, NIK, nama atau telepon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="61"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="62"/>
        <source>Fiktif positif: –</source>
        <translation>Fiktif positif: –</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="64"/>
        <source>Applications deemed approved if the deadline passes: near, today or missed</source>
        <translation>Permohonan yang dianggap disetujui bila batas waktu terlewati: mendekati, hari ini, atau terlewati</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="67"/>
        <source>Registration no.</source>
        <translation>No. pendaftaran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="67"/>
        <source>Applicant</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="67"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="67"/>
        <source>Permit</source>
        <translation>Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="68"/>
        <source>Due</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="123"/>
        <source>Searching…</source>
        <translation>Mencari…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="137"/>
        <source>{count} application(s) found.</source>
        <translation>{count} permohonan ditemukan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="139"/>
        <source>No application matches.</source>
        <translation>Tidak ada permohonan yang cocok.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="143"/>
        <source>clock stopped</source>
        <translation>jangka waktu berhenti</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="170"/>
        <source>Fiktif positif: {count}</source>
        <translation>Fiktif positif: {count}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="186"/>
        <source>{count} fiktif-positif warning(s).</source>
        <translation>{count} peringatan fiktif positif.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="188"/>
        <source>No fiktif-positif application is near its deadline.</source>
        <translation>Tidak ada permohonan fiktif positif yang mendekati batas waktu.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="224"/>
        <source>Status changed to {state}.</source>
        <translation>Status diubah menjadi {state}.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="251"/>
        <source>Clock stopped. Print the receipt for the applicant if they are here.</source>
        <translation>Jangka waktu dihentikan. Cetak tanda terima untuk pemohon bila ia ada di loket.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="254"/>
        <source>Clock running again: new expected completion {due}. Print the new receipt.</source>
        <translation>Jangka waktu berjalan lagi: perkiraan selesai baru {due}. Cetak tanda terima yang baru.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="285"/>
        <source>Handed over. Receipt kept in {path}</source>
        <translation>Izin diserahkan. Tanda terima disimpan di {path}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="308"/>
        <source>Receipt kept in {path}</source>
        <translation>Tanda terima disimpan di {path}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/applications.py" line="325"/>
        <source>Unexpected error. Details are in the log.</source>
        <translation>Terjadi kesalahan tak terduga. Rinciannya ada di log.</translation>
    </message>
</context>
<context>
    <name>ClockBox</name>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="56"/>
        <source>What is awaited, or what arrived</source>
        <translation>Apa yang ditunggu, atau apa yang diterima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="60"/>
        <source>Stop: waiting for the applicant</source>
        <translation>Hentikan: menunggu pemohon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="61"/>
        <source>Resume: received</source>
        <translation>Lanjutkan: sudah diterima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="62"/>
        <source>Restart: dossier resubmitted</source>
        <translation>Mulai ulang: berkas diajukan kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="70"/>
        <source>Waiting for</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="71"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="74"/>
        <source>Documents handed in</source>
        <translation>Berkas yang diserahkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="95"/>
        <source>Expected completion: {due}</source>
        <translation>Perkiraan selesai: {due}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="99"/>
        <source>No date is promised while the clock is stopped; {days} working days remain.</source>
        <translation>Selama jangka waktu berhenti tidak ada tanggal yang dijanjikan; sisa {days} hari kerja.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="104"/>
        <source>This permit type resumes the clock on a resubmission (no restart).</source>
        <translation>Jenis izin ini melanjutkan jangka waktu saat berkas diajukan kembali (tidak dimulai ulang).</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/clock_box.py" line="107"/>
        <source> (optional)</source>
        <translation> (tidak wajib)</translation>
    </message>
</context>
<context>
    <name>DeadlineWatch</name>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="62"/>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="69"/>
        <source>Registration no.</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="62"/>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="69"/>
        <source>Applicant</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="62"/>
        <source>Permit</source>
        <translation>Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="63"/>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="63"/>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="69"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="69"/>
        <source>Waiting for</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="70"/>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="70"/>
        <source>Working days</source>
        <translation>Hari kerja</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="70"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="75"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="81"/>
        <source>Deemed approval (fiktif positif): deadlines near, today or missed</source>
        <translation>Dianggap disetujui (fiktif positif): batas waktu mendekat, hari ini, atau terlewati</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="83"/>
        <source>Clocks stopped, waiting for the applicant</source>
        <translation>Jangka waktu berhenti, menunggu pemohon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/deadlines.py" line="126"/>
        <source>{warnings} fiktif-positif warning(s), {stopped} stopped clock(s); updated {time}.</source>
        <translation>{warnings} peringatan fiktif positif, {stopped} jangka waktu berhenti; diperbarui {time}.</translation>
    </message>
</context>
<context>
    <name>HandoverForm</name>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="37"/>
        <source>Check the KTP-el of the person collecting the permit.</source>
        <translation>Periksa KTP-el orang yang mengambil izin.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="41"/>
        <source>Collected by a representative (power of attorney)</source>
        <translation>Diambil oleh kuasa (dengan surat kuasa)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="44"/>
        <source>I have checked the power of attorney (signed, names this person)</source>
        <translation>Surat kuasa sudah saya periksa (ditandatangani, menyebut orang ini)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="52"/>
        <source>(not given)</source>
        <translation>(tidak diisi)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="54"/>
        <source>Hand over and print receipt</source>
        <translation>Serahkan dan cetak tanda terima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="56"/>
        <source>Power of attorney (surat kuasa)</source>
        <translation>Surat kuasa</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="59"/>
        <source>Letter number</source>
        <translation>Nomor surat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="60"/>
        <source>Letter date</source>
        <translation>Tanggal surat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="65"/>
        <location filename="../../p4_desk/gui/intake/handover.py" line="81"/>
        <source>NIK on the KTP-el</source>
        <translation>NIK pada KTP-el</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="67"/>
        <source>Received by</source>
        <translation>Diterima oleh</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/handover.py" line="81"/>
        <source>NIK on the representative&apos;s KTP-el</source>
        <translation>NIK pada KTP-el penerima kuasa</translation>
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
        <location filename="../../p4_desk/gui/intake/dialog.py" line="129"/>
        <source>An incomplete dossier is accepted and marked &quot;berkas belum lengkap&quot; on the receipt; its deadline clock waits until the missing documents arrive.</source>
        <translation>Berkas belum lengkap diterima dan ditandai &quot;berkas belum lengkap&quot; pada tanda terima; jangka waktunya menunggu sampai berkas yang kurang diterima.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="135"/>
        <source>An incomplete dossier is refused: every mandatory document is needed.</source>
        <translation>Berkas yang belum lengkap ditolak: semua dokumen wajib harus diserahkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="144"/>
        <source>Draft restored: what was typed earlier is back.</source>
        <translation>Draf dipulihkan: isian sebelumnya dimuat kembali.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="173"/>
        <source>{count}/16 digits</source>
        <translation>{count}/16 digit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="183"/>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="183"/>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="187"/>
        <source>{sex} · born {born} · {region}</source>
        <translation>{sex} · lahir {born} · {region}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="214"/>
        <source>{date} (estimate)</source>
        <translation>{date} (perkiraan: libur resmi belum terbit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="216"/>
        <source>{days} working days · due {due} · fee {fee} · {agency}</source>
        <translation>{days} hari kerja · perkiraan selesai {due} · biaya {fee} · {agency}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="249"/>
        <source>Draft not saved: {message}</source>
        <translation>Draf tidak tersimpan: {message}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="261"/>
        <source>Form cleared.</source>
        <translation>Formulir dikosongkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="274"/>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="283"/>
        <source>The application was not saved. Check the fields marked in red.</source>
        <translation>Permohonan belum disimpan. Periksa isian yang ditandai merah.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="295"/>
        <source>Unexpected error; the form is kept. Details are in the log.</source>
        <translation>Terjadi kesalahan tak terduga; isian formulir tetap tersimpan. Rinciannya ada di log.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="310"/>
        <source>Saved. Registration number &lt;b&gt;{number}&lt;/b&gt;. The {days} working days are counted from the day the missing documents arrive.</source>
        <translation>Tersimpan. Nomor pendaftaran &lt;b&gt;{number}&lt;/b&gt;. Jangka waktu {days} hari kerja dihitung sejak berkas yang kurang diterima.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="314"/>
        <source>Saved. Registration number &lt;b&gt;{number}&lt;/b&gt;, due {due}.</source>
        <translation>Tersimpan. Nomor pendaftaran &lt;b&gt;{number}&lt;/b&gt;, perkiraan selesai {due}.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="319"/>
        <source>Incomplete dossier (berkas belum lengkap): {missing}</source>
        <translation>Berkas belum lengkap, belum diserahkan: {missing}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="324"/>
        <source>Preparing the receipt…</source>
        <translation>Menyiapkan tanda terima…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/intake/dialog.py" line="344"/>
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
