<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CounterWindow</name>
    <message>
        <location filename="../../ui/counter_window.ui" line="148"/>
        <source>Find a number in the waiting list (Ctrl+F)…</source>
        <translation>Cari nomor di daftar tunggu (Ctrl+F)…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="67"/>
        <source>Counter {code}</source>
        <translation>Loket {code}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="68"/>
        <location filename="../../ui/counter_window.ui" line="143"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="91"/>
        <source>Call next</source>
        <translation>Panggil Berikutnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="92"/>
        <source>Recall</source>
        <translation>Panggil Ulang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="93"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="94"/>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="95"/>
        <source>No-show</source>
        <translation>Tidak Hadir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="96"/>
        <source>Transfer…</source>
        <translation>Alihkan…</translation>
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
        <location filename="../../p4_desk/gui/counter/window.py" line="196"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="196"/>
        <source>On break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="196"/>
        <source>Closed</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="198"/>
        <source>{name} ({code}) — services: {services}</source>
        <translation>{name} ({code}) — layanan: {services}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="205"/>
        <source>Waiting: {n}</source>
        <translation>Menunggu: {n}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="214"/>
        <source>No ticket at the counter</source>
        <translation>Belum ada tiket di loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="216"/>
        <source>Press F2 to call the next citizen.</source>
        <translation>Tekan F2 untuk memanggil warga berikutnya.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="221"/>
        <source>Called</source>
        <translation>Dipanggil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="221"/>
        <source>Being served</source>
        <translation>Sedang dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="231"/>
        <source>Recalled: {n}×</source>
        <translation>Panggil ulang: {n}×</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="242"/>
        <source>Waited: {t}</source>
        <translation>Lama menunggu: {t}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="244"/>
        <source>At the counter: {t}</source>
        <translation>Di loket: {t}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="252"/>
        <source>{m} min</source>
        <translation>{m} menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="254"/>
        <source>Today: {served} served · {no_show} no-show · average service {avg}</source>
        <translation>Hari ini: {served} dilayani · {no_show} tidak hadir · rata-rata layanan {avg}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="323"/>
        <source>Nobody is waiting for this counter.</source>
        <translation>Tidak ada antrean yang menunggu untuk loket ini.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="382"/>
        <source>P4 Desk — Counter {code}</source>
        <translation>P4 Desk — Loket {code}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="392"/>
        <source>Call the ticket selected in the waiting list</source>
        <translation>Panggil tiket yang dipilih di daftar tunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/window.py" line="393"/>
        <source>Find a number in the waiting list</source>
        <translation>Cari nomor di daftar tunggu</translation>
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
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="78"/>
        <source>{n} min</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="81"/>
        <source>transferred from {service}</source>
        <translation>dialihkan dari {service}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/counter/waiting_model.py" line="83"/>
        <source>for counter {code}</source>
        <translation>untuk loket {code}</translation>
    </message>
</context>
</TS>
