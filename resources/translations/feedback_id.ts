<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ComplaintDialog</name>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="67"/>
        <source>File a complaint</source>
        <extracomment>free-text fields whose NIKs and phone numbers are masked when sent or printed</extracomment>
        <translation>Catat pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="115"/>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="116"/>
        <source>Aspiration</source>
        <translation>Aspirasi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="117"/>
        <source>Information request</source>
        <translation>Permintaan informasi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="124"/>
        <source>What happened, when, and who was involved</source>
        <translation>Apa yang terjadi, kapan, dan siapa yang terlibat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="139"/>
        <source>Named</source>
        <translation>Terbuka (nama dicantumkan)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="140"/>
        <source>Confidential (name kept, never printed or sent)</source>
        <translation>Dirahasiakan (nama disimpan, tidak dicetak atau dikirim)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="141"/>
        <source>Anonymous (no name kept)</source>
        <translation>Anonim (nama tidak disimpan)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="152"/>
        <source>e.g. Counter 3, parking area</source>
        <translation>mis. Loket 3, area parkir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="155"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="156"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="157"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="158"/>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="159"/>
        <source>Ticket number</source>
        <translation>Nomor antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="160"/>
        <source>Registration number</source>
        <translation>Nomor pendaftaran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="161"/>
        <source>Date of service</source>
        <translation>Tanggal pelayanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="162"/>
        <source>Reporter identity</source>
        <translation>Identitas pelapor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="163"/>
        <source>Reporter name</source>
        <translation>Nama pelapor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="164"/>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="165"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="166"/>
        <source>Latitude</source>
        <translation>Lintang (latitude)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="167"/>
        <source>Longitude</source>
        <translation>Bujur (longitude)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="168"/>
        <source>Place</source>
        <translation>Nama tempat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="177"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="179"/>
        <source>Save complaint</source>
        <translation>Simpan pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="197"/>
        <source>Complaint received</source>
        <translation>Pengaduan diterima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="211"/>
        <source>Print receipt</source>
        <translation>Cetak tanda terima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="213"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="239"/>
        <source>— choose an agency —</source>
        <translation>— pilih instansi —</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="254"/>
        <source>— not about one service —</source>
        <translation>— tidak terkait satu layanan —</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="306"/>
        <source>The complaint could not be saved. Please try again.</source>
        <translation>Pengaduan tidak dapat disimpan. Silakan coba lagi.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="328"/>
        <source>Verification due: %1</source>
        <translation>Batas verifikasi: %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/dialog.py" line="363"/>
        <source>The receipt could not be made.</source>
        <translation>Tanda terima tidak dapat dibuat.</translation>
    </message>
</context>
<context>
    <name>ComplaintsPanel</name>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="184"/>
        <source>%1 (web)</source>
        <translation>%1 (web)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="243"/>
        <source>Filed on the web form, tracking code %1</source>
        <translation>Diajukan lewat formulir web, kode pelacakan %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="61"/>
        <source>Open complaints</source>
        <translation>Pengaduan aktif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="62"/>
        <source>Overdue only</source>
        <translation>Hanya yang terlambat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="63"/>
        <source>All, including closed</source>
        <translation>Semua, termasuk yang selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="66"/>
        <source>All agencies</source>
        <translation>Semua instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="68"/>
        <source>New complaint…</source>
        <translation>Pengaduan baru…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="84"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="85"/>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="86"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="87"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="88"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="89"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="90"/>
        <source>Next deadline</source>
        <translation>Batas waktu berikutnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="91"/>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="113"/>
        <source>Note (answer, reason for closing, …)</source>
        <translation>Catatan (tanggapan, alasan penutupan, …)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="117"/>
        <source>Verify</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="118"/>
        <source>Forward to agency</source>
        <translation>Teruskan ke instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="119"/>
        <source>Record answer</source>
        <translation>Catat tanggapan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="120"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="127"/>
        <source>Reporter&apos;s identity…</source>
        <translation>Identitas pelapor…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="128"/>
        <source>A confidential reporter&apos;s identity, on a stated reason</source>
        <translation>Identitas pelapor yang dirahasiakan, dengan alasan yang disebutkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="208"/>
        <source>No complaint is past its deadline.</source>
        <translation>Tidak ada pengaduan yang melewati batas waktu.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/panels.py" line="212"/>
        <source>Overdue per agency: %1. Per officer: %2.</source>
        <translation>Terlambat per instansi: %1. Per petugas: %2.</translation>
    </message>
</context>
<context>
    <name>IkmPanel</name>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="67"/>
        <source>All services</source>
        <translation>Semua layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="68"/>
        <source>Print report</source>
        <translation>Cetak laporan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="95"/>
        <source>IKM</source>
        <translation>IKM</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="103"/>
        <source>Element</source>
        <translation>Unsur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="103"/>
        <source>NRR</source>
        <translation>NRR</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="103"/>
        <source>Weighted NRR</source>
        <translation>NRR tertimbang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="144"/>
        <source>Respondents: %1 · visitors: %2 · minimum sample (Krejcie-Morgan): %3</source>
        <translation>Responden: %1 · pengunjung: %2 · sampel minimal (Krejcie-Morgan): %3</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="151"/>
        <source>No respondents in this month yet</source>
        <translation>Belum ada responden pada bulan ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="188"/>
        <source>Report opened in the PDF viewer: %1</source>
        <translation>Laporan dibuka di penampil PDF: %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="193"/>
        <source>The report is saved as %1, but no PDF viewer opened on this computer. Open that file with a PDF viewer to print it.</source>
        <translation>Laporan tersimpan sebagai %1, tetapi tidak ada penampil PDF yang terbuka di komputer ini. Buka berkas itu dengan penampil PDF untuk mencetaknya.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/ikm_panel.py" line="70"/>
        <source>Enter paper survey…</source>
        <translation>Input survei kertas…</translation>
    </message>
</context>
<context>
    <name>PaperSurveyDialog</name>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="151"/>
        <source>Paper survey form</source>
        <translation>Input survei kertas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="157"/>
        <source>Type the ticket number written on the form and press Enter (leave it empty for an anonymous form and choose the service), then one digit 1–4 for each row. Enter saves and clears the form for the next paper.</source>
        <translation>Ketik nomor tiket yang tertulis di formulir lalu tekan Enter (kosongkan untuk formulir anonim dan pilih layanannya), kemudian satu angka 1–4 untuk setiap baris. Enter menyimpan dan mengosongkan formulir untuk kertas berikutnya.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="181"/>
        <source>Not known</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="182"/>
        <source>Ticket number</source>
        <translation>Nomor tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="183"/>
        <source>Service (form without ticket)</source>
        <translation>Layanan (formulir tanpa tiket)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="186"/>
        <source>Poor</source>
        <translation>Tidak baik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="186"/>
        <source>Fair</source>
        <translation>Kurang baik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="186"/>
        <source>Good</source>
        <translation>Baik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="186"/>
        <source>Very good</source>
        <translation>Sangat baik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="190"/>
        <source>Element</source>
        <translation>Unsur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="208"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="210"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="212"/>
        <source>Save and enter next</source>
        <translation>Simpan dan isi berikutnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="324"/>
        <source>Saved for ticket %1.</source>
        <translation>Tersimpan untuk tiket %1.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="326"/>
        <source>Saved as an anonymous form.</source>
        <translation>Tersimpan sebagai formulir anonim.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/paper_form.py" line="329"/>
        <source>Forms entered here: %1.</source>
        <translation>Formulir yang sudah diinput: %1.</translation>
    </message>
</context>
<context>
    <name>RevealReporterDialog</name>
    <message>
        <location filename="../../p4_desk/gui/complaints/reveal.py" line="23"/>
        <source>Reporter&apos;s identity</source>
        <translation>Identitas pelapor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/reveal.py" line="27"/>
        <source>The reporter of %1 asked to stay confidential. State why you need their identity: your request and the reason are recorded in the audit log.</source>
        <translation>Pelapor %1 meminta identitasnya dirahasiakan. Sebutkan mengapa Anda perlu identitasnya: permintaan dan alasannya dicatat di log audit.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/reveal.py" line="35"/>
        <source>Reason (e.g. to call the reporter about the answer)</source>
        <translation>Alasan (mis. menelepon pelapor tentang jawaban)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/reveal.py" line="48"/>
        <source>Show identity</source>
        <translation>Tampilkan identitas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/reveal.py" line="62"/>
        <source>Name: %1</source>
        <translation>Nama: %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/reveal.py" line="63"/>
        <source>Phone: %1</source>
        <translation>Nomor HP: %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/complaints/reveal.py" line="64"/>
        <source>E-mail: %1</source>
        <translation>Email: %1</translation>
    </message>
</context>
<context>
    <name>SurveyWindow</name>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="54"/>
        <location filename="../../p4_desk/gui/survey/window.py" line="121"/>
        <source>Satisfaction survey</source>
        <translation>Survei Kepuasan Masyarakat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="125"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="148"/>
        <source>Poor</source>
        <translation>Tidak baik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="149"/>
        <source>Fair</source>
        <translation>Kurang baik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="150"/>
        <source>Good</source>
        <translation>Baik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="151"/>
        <source>Very good</source>
        <translation>Sangat baik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="163"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="180"/>
        <source>All nine questions answered</source>
        <translation>Kesembilan pertanyaan sudah dijawab</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="182"/>
        <source>Send your rating, or go back to change an answer.</source>
        <translation>Kirim penilaian Anda, atau kembali untuk mengubah jawaban.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="184"/>
        <source>Send rating</source>
        <translation>Kirim penilaian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="186"/>
        <source>Change answers</source>
        <translation>Ubah jawaban</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="208"/>
        <source>Thank you!</source>
        <translation>Terima kasih!</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="210"/>
        <source>Your rating helps us improve our service.</source>
        <translation>Penilaian Anda membantu kami memperbaiki pelayanan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="222"/>
        <source>How well do the requirements match the service you received?</source>
        <translation>Bagaimana pendapat Anda tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="223"/>
        <source>How easy was the service procedure here?</source>
        <translation>Bagaimana pemahaman Anda tentang kemudahan prosedur pelayanan di unit ini?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="224"/>
        <source>How fast was the service?</source>
        <translation>Bagaimana pendapat Anda tentang kecepatan waktu dalam memberikan pelayanan?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="225"/>
        <source>How fair was the fee or tariff of the service?</source>
        <translation>Bagaimana pendapat Anda tentang kewajaran biaya/tarif dalam pelayanan?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="226"/>
        <source>How well did the result match what the service standard promises?</source>
        <translation>Bagaimana pendapat Anda tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="227"/>
        <source>How competent were the officers who served you?</source>
        <translation>Bagaimana pendapat Anda tentang kompetensi/kemampuan petugas dalam pelayanan?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="228"/>
        <source>How polite and friendly were the officers?</source>
        <translation>Bagaimana pendapat Anda tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="229"/>
        <source>How well are complaints, suggestions and feedback handled?</source>
        <translation>Bagaimana pendapat Anda tentang penanganan pengaduan, saran dan masukan pengguna layanan?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="230"/>
        <source>How good are the facilities and infrastructure?</source>
        <translation>Bagaimana pendapat Anda tentang kualitas sarana dan prasarana?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="247"/>
        <source>Ticket %1 — %2</source>
        <translation>Tiket %1 — %2</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="251"/>
        <source>How was our service? Please tap Start.</source>
        <translation>Bagaimana pelayanan kami? Silakan sentuh Mulai.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="254"/>
        <source>Help us improve: rate our service anonymously.</source>
        <translation>Bantu kami menjadi lebih baik: beri penilaian secara anonim.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="289"/>
        <source>Question %1 of %2</source>
        <translation>Pertanyaan %1 dari %2</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/survey/window.py" line="353"/>
        <source>The rating could not be saved. Please tell the officer.</source>
        <translation>Penilaian tidak dapat disimpan. Mohon beri tahu petugas.</translation>
    </message>
</context>
</TS>
