<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CounterHints</name>
    <message>
        <location filename="../../p4_desk/gui/counter/hints.py" line="19"/>
        <source>This counter is not known to the site: check its code.</source>
        <translation>Loket ini tidak dikenal di situs: periksa kodenya.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/hints.py" line="20"/>
        <source>The database cannot be reached; wait until it is back.</source>
        <translation>Basis data tidak terhubung; tunggu sampai tersambung lagi.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/hints.py" line="21"/>
        <source>The counter is on a break: press F12 to resume.</source>
        <translation>Loket sedang istirahat: tekan F12 untuk melanjutkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/hints.py" line="22"/>
        <source>The counter is closed: press F12 to open it.</source>
        <translation>Loket tutup: tekan F12 untuk membukanya.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/hints.py" line="23"/>
        <source>Finish or transfer the ticket at the counter first.</source>
        <translation>Selesaikan atau alihkan dulu tiket yang ada di loket.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/hints.py" line="24"/>
        <source>Only a called ticket can be marked no-show, not one being served.</source>
        <translation>Hanya tiket yang dipanggil yang dapat ditandai tidak hadir, bukan yang sedang dilayani.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/hints.py" line="25"/>
        <source>Nobody was marked no-show today.</source>
        <translation>Hari ini belum ada tiket yang ditandai tidak hadir.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/hints.py" line="29"/>
        <source>Recall (F3) first: no-show is allowed after {required}× recall; recalled {done}× so far.</source>
        <translation>Panggil ulang (F3) dulu: tidak hadir baru boleh setelah {required}× panggil ulang; baru {done}×.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/hints.py" line="34"/>
        <source>Press F2 to call the next citizen.</source>
        <translation>Tekan F2 untuk memanggil warga berikutnya.</translation>
    </message>
</context>
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../ui/counter_window.ui" line="148"/>
        <source>Find a number in the waiting list (Ctrl+F)…</source>
        <translation>Cari nomor di daftar tunggu (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="66"/>
        <source>Counter {code}</source>
        <translation>Loket {code}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="67"/>
        <location filename="../../ui/counter_window.ui" line="143"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="90"/>
        <source>Call next</source>
        <translation>Panggil Berikutnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="91"/>
        <source>Recall</source>
        <translation>Panggil Ulang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="92"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="93"/>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="94"/>
        <source>No-show</source>
        <translation>Tidak Hadir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="95"/>
        <source>Transfer…</source>
        <translation>Alihkan…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="96"/>
        <source>Queue no-show again…</source>
        <translation>Aktifkan Kembali…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="97"/>
        <source>Call selected</source>
        <translation>Panggil Terpilih</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="98"/>
        <source>Break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="99"/>
        <source>Resume</source>
        <translation>Lanjut</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="100"/>
        <source>Permit application</source>
        <translation>Permohonan Izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="102"/>
        <source>Applications</source>
        <translation>Daftar Permohonan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="101"/>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="118"/>
        <source>Open counter</source>
        <translation>Buka Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="226"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="226"/>
        <source>On break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="226"/>
        <source>Closed</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="228"/>
        <source>{name} ({code}) — services: {services}</source>
        <translation>{name} ({code}) — layanan: {services}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="235"/>
        <source>Waiting: {n}</source>
        <translation>Menunggu: {n}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="244"/>
        <source>No ticket at the counter</source>
        <translation>Belum ada tiket di loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="251"/>
        <source>Called</source>
        <translation>Dipanggil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="251"/>
        <source>Being served</source>
        <translation>Sedang dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="256"/>
        <source>Next: {service}</source>
        <translation>Lanjut ke: {service}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="263"/>
        <source>Recalled: {n}×</source>
        <translation>Panggil ulang: {n}×</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="274"/>
        <source>Waited: {t}</source>
        <translation>Lama menunggu: {t}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="276"/>
        <source>At the counter: {t}</source>
        <translation>Di loket: {t}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="284"/>
        <source>{m} min</source>
        <translation>{m} menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="286"/>
        <source>Today: {served} served · {no_show} no-show · average service {avg}</source>
        <translation>Hari ini: {served} dilayani · {no_show} tidak hadir · rata-rata layanan {avg}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="357"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>Tidak ada antrean yang menunggu untuk loket ini.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="367"/>
        <source>{number} goes on to {service} with the same number.</source>
        <translation>{number} lanjut ke {service} dengan nomor yang sama.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="383"/>
        <source>P4 Desk — Counter {code}</source>
        <translation>P4 Desk — Loket {code}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="393"/>
        <source>Call the ticket selected in the waiting list</source>
        <translation>Panggil tiket yang dipilih di daftar tunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="394"/>
        <source>Find a number in the waiting list</source>
        <translation>Cari nomor di daftar tunggu</translation>
    </message>
</context>
<context>
    <name>ReactivateDialog</name>
    <message>
        <location filename="../../p4_desk/gui/counter/reactivate.py" line="45"/>
        <source>Queue again</source>
        <translation>Aktifkan kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/reactivate.py" line="47"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/reactivate.py" line="69"/>
        <source>No no-show ticket {number} today.</source>
        <translation>Tidak ada tiket tidak hadir {number} hari ini.</translation>
    </message>
</context>
<context>
    <name>ReactivateForm</name>
    <message>
        <location filename="../../ui/counter_reactivate.ui" line="9"/>
        <source>Queue a no-show again</source>
        <translation>Aktifkan kembali tiket tidak hadir</translation>
    </message>
    <message>
        <location filename="../../ui/counter_reactivate.ui" line="15"/>
        <source>A citizen marked no-show today has come back. Choose the ticket: it joins the queue again at the back and keeps its number.</source>
        <translation>Warga yang hari ini ditandai tidak hadir sudah kembali. Pilih tiketnya: tiket masuk antrean lagi di urutan belakang dengan nomor yang sama.</translation>
    </message>
    <message>
        <location filename="../../ui/counter_reactivate.ui" line="22"/>
        <source>Ticket number, e.g. A017</source>
        <translation>Nomor tiket, mis. A017</translation>
    </message>
    <message>
        <location filename="../../ui/counter_reactivate.ui" line="34"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../ui/counter_reactivate.ui" line="35"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../ui/counter_reactivate.ui" line="36"/>
        <source>No-show at</source>
        <translation>Tidak hadir pukul</translation>
    </message>
</context>
<context>
    <name>TicketDialogs</name>
    <message>
        <location filename="../../p4_desk/gui/counter/ticket_dialogs.py" line="82"/>
        <source>Ticket {number} is in the queue again, at the back: {ahead} ahead.</source>
        <translation>Tiket {number} masuk antrean lagi di urutan belakang: {ahead} orang di depannya.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../p4_desk/gui/counter/transfer.py" line="30"/>
        <source>Transfer ticket {number} ({service}) to:</source>
        <translation>Alihkan tiket {number} ({service}) ke:</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/transfer.py" line="40"/>
        <source>Transfer</source>
        <translation>Alihkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/transfer.py" line="41"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>TransferForm</name>
    <message>
        <location filename="../../ui/counter_transfer.ui" line="9"/>
        <source>Transfer ticket</source>
        <translation>Alihkan tiket</translation>
    </message>
    <message>
        <location filename="../../ui/counter_transfer.ui" line="21"/>
        <source>To &amp;service</source>
        <translation>Ke &amp;layanan</translation>
    </message>
    <message>
        <location filename="../../ui/counter_transfer.ui" line="30"/>
        <source>To &amp;counter</source>
        <translation>Ke l&amp;oket</translation>
    </message>
</context>
<context>
    <name>WaitingListModel</name>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="27"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="28"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="29"/>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="30"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="31"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="84"/>
        <source>{n} min</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="87"/>
        <source>transferred from {service}</source>
        <translation>dialihkan dari {service}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="89"/>
        <source>for counter {code}</source>
        <translation>untuk loket {code}</translation>
    </message>
</context>
</TS>
