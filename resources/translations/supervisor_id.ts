<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>LivePanel</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="94"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="94"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="94"/>
        <source>Longest wait (min)</source>
        <translation>Tunggu terlama (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="95"/>
        <source>Average wait, last hour (min)</source>
        <translation>Rata-rata tunggu 1 jam terakhir (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="95"/>
        <source>Target (min)</source>
        <translation>Target (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="99"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="100"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="101"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="102"/>
        <source>Ticket</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="103"/>
        <source>Idle (min)</source>
        <translation>Luang (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="108"/>
        <source>Reprint ticket…</source>
        <translation>Cetak ulang tiket…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="109"/>
        <source>Cancel ticket…</source>
        <translation>Batalkan tiket…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="110"/>
        <source>Close selected counter…</source>
        <translation>Tutup loket terpilih…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="118"/>
        <source>Queues per service</source>
        <translation>Antrian per layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="123"/>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="162"/>
        <source>Not updated: %1</source>
        <translation>Gagal diperbarui: %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="170"/>
        <source>%1: longest wait %2 min, target %3 min</source>
        <translation>%1: tunggu terlama %2 mnt, target %3 mnt</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="176"/>
        <source>Over target waiting time:</source>
        <translation>Melewati target waktu tunggu:</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="181"/>
        <source>Updated %1</source>
        <translation>Diperbarui %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="202"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="202"/>
        <source>Paused</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="202"/>
        <source>Closed</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="203"/>
        <source>called</source>
        <translation>dipanggil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="203"/>
        <source>serving</source>
        <translation>dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="238"/>
        <source>Not done</source>
        <translation>Tidak dapat dilakukan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="247"/>
        <source>Ticket number (e.g. A017):</source>
        <translation>Nomor tiket (mis. A017):</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="251"/>
        <source>Reason (recorded in the audit log):</source>
        <translation>Alasan (dicatat di log audit):</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="255"/>
        <source>A reason is required.</source>
        <translation>Alasan wajib diisi.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="260"/>
        <source>Reprint ticket</source>
        <translation>Cetak ulang tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="273"/>
        <source>Copy of %1 saved to %2</source>
        <translation>Salinan %1 disimpan ke %2</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="279"/>
        <source>Cancel ticket</source>
        <translation>Batalkan tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="284"/>
        <source>Cancel ticket %1?</source>
        <translation>Batalkan tiket %1?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="290"/>
        <source>Close counter</source>
        <translation>Tutup loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="293"/>
        <source>Select a counter in the list first.</source>
        <translation>Pilih dulu satu loket di daftar.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="299"/>
        <source>Close counter %1? A ticket called there goes back to its queue at its place; a ticket being served is marked finished.</source>
        <translation>Tutup loket %1? Tiket yang sedang dipanggil di sana kembali ke antriannya di urutan semula; tiket yang sedang dilayani ditandai selesai.</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="75"/>
        <source>(all)</source>
        <translation>(semua)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="77"/>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="81"/>
        <source>Export %1…</source>
        <translation>Ekspor %1…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="90"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="92"/>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="96"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="96"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="127"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="97"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="97"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="132"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="104"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="107"/>
        <source>Tickets issued</source>
        <translation>Tiket diambil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="108"/>
        <source>Served</source>
        <translation>Selesai dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="109"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="127"/>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="110"/>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="111"/>
        <source>Transferred</source>
        <translation>Dialihkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="112"/>
        <source>Unserved (the service day ended)</source>
        <translation>Tidak terlayani (hari layanan berakhir)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="113"/>
        <source>Still waiting at the end</source>
        <translation>Masih menunggu di akhir periode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="114"/>
        <source>Waiting time avg / median / p90 (min)</source>
        <translation>Waktu tunggu rata-rata / median / p90 (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="115"/>
        <source>Service time avg / median / p90 (min)</source>
        <translation>Waktu layanan rata-rata / median / p90 (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="116"/>
        <source>Served within target wait</source>
        <translation>Dilayani dalam target waktu tunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="117"/>
        <source>Permit applications decided</source>
        <translation>Permohonan izin diputuskan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="118"/>
        <source>Decided within the deadline (clock running)</source>
        <translation>Diputuskan dalam jangka waktu (yang berjalan)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="127"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="280"/>
        <source>Issued</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="127"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="133"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="281"/>
        <source>Served</source>
        <comment>column</comment>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="128"/>
        <source>Avg wait (min)</source>
        <translation>Tunggu rata-rata (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="128"/>
        <source>Within target</source>
        <translation>Dalam target</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="134"/>
        <source>Avg service (min)</source>
        <translation>Layanan rata-rata (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="135"/>
        <source>Idle (min)</source>
        <translation>Luang (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="156"/>
        <source>Officers</source>
        <translation>Kinerja petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="158"/>
        <source>Daily trend</source>
        <translation>Tren harian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="160"/>
        <source>Arrivals by weekday and hour (local time)</source>
        <translation>Kedatangan menurut hari dan jam (waktu setempat)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="212"/>
        <source>Computing…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="220"/>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="261"/>
        <source>Figures for %1 to %2</source>
        <translation>Angka untuk %1 s.d. %2</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="313"/>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="333"/>
        <source>Report saved to %1</source>
        <translation>Laporan disimpan ke %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="336"/>
        <source>Writing report…</source>
        <translation>Menulis laporan…</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="19"/>
        <source>P4 Desk – Supervisor</source>
        <translation>P4 Desk – Supervisor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="23"/>
        <source>Live monitor</source>
        <translation>Pemantauan langsung</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="24"/>
        <source>Statistics and reports</source>
        <translation>Statistik dan laporan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="26"/>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="39"/>
        <source>Permit deadlines</source>
        <translation>Jangka waktu izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="32"/>
        <source>Complaints</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="33"/>
        <source>Satisfaction (IKM)</source>
        <translation>Kepuasan (IKM)</translation>
    </message>
</context>
</TS>
