<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>LivePanel</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="91"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="91"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="91"/>
        <source>Longest wait (min)</source>
        <translation>Tunggu terlama (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="92"/>
        <source>Average wait, last hour (min)</source>
        <translation>Rata-rata tunggu 1 jam terakhir (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="92"/>
        <source>Target (min)</source>
        <translation>Target (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="96"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="97"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="98"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="99"/>
        <source>Ticket</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="100"/>
        <source>Idle (min)</source>
        <translation>Luang (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="105"/>
        <source>Reprint ticket…</source>
        <translation>Cetak ulang tiket…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="106"/>
        <source>Cancel ticket…</source>
        <translation>Batalkan tiket…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="107"/>
        <source>Close selected counter…</source>
        <translation>Tutup loket terpilih…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="115"/>
        <source>Queues per service</source>
        <translation>Antrian per layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="120"/>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="165"/>
        <source>Not updated: %1</source>
        <translation>Gagal diperbarui: %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="174"/>
        <source>%1: longest wait %2 min, target %3 min</source>
        <translation>%1: tunggu terlama %2 mnt, target %3 mnt</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="180"/>
        <source>Over target waiting time:</source>
        <translation>Melewati target waktu tunggu:</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="185"/>
        <source>Updated %1</source>
        <translation>Diperbarui %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="206"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="206"/>
        <source>Paused</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="206"/>
        <source>Closed</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="207"/>
        <source>called</source>
        <translation>dipanggil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="207"/>
        <source>serving</source>
        <translation>dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="242"/>
        <source>Not done</source>
        <translation>Tidak dapat dilakukan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="251"/>
        <source>Ticket number (e.g. A017):</source>
        <translation>Nomor tiket (mis. A017):</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="255"/>
        <source>Reason (recorded in the audit log):</source>
        <translation>Alasan (dicatat di log audit):</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="259"/>
        <source>A reason is required.</source>
        <translation>Alasan wajib diisi.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="264"/>
        <source>Reprint ticket</source>
        <translation>Cetak ulang tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="277"/>
        <source>Copy of %1 saved to %2</source>
        <translation>Salinan %1 disimpan ke %2</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="283"/>
        <source>Cancel ticket</source>
        <translation>Batalkan tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="288"/>
        <source>Cancel ticket %1?</source>
        <translation>Batalkan tiket %1?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="294"/>
        <source>Close counter</source>
        <translation>Tutup loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="297"/>
        <source>Select a counter in the list first.</source>
        <translation>Pilih dulu satu loket di daftar.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="303"/>
        <source>Close counter %1? A ticket called there goes back to its queue at its place; a ticket being served is marked finished.</source>
        <translation>Tutup loket %1? Tiket yang sedang dipanggil di sana kembali ke antriannya di urutan semula; tiket yang sedang dilayani ditandai selesai.</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="74"/>
        <source>(all)</source>
        <translation>(semua)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="76"/>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="80"/>
        <source>Export %1…</source>
        <translation>Ekspor %1…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="89"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="91"/>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="95"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="95"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="126"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="96"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="96"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="131"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="103"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="106"/>
        <source>Tickets issued</source>
        <translation>Tiket diambil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="107"/>
        <source>Served</source>
        <translation>Selesai dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="108"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="126"/>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="109"/>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="110"/>
        <source>Transferred</source>
        <translation>Dialihkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="111"/>
        <source>Unserved (the service day ended)</source>
        <translation>Tidak terlayani (hari layanan berakhir)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="112"/>
        <source>Still waiting at the end</source>
        <translation>Masih menunggu di akhir periode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="113"/>
        <source>Waiting time avg / median / p90 (min)</source>
        <translation>Waktu tunggu rata-rata / median / p90 (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="114"/>
        <source>Service time avg / median / p90 (min)</source>
        <translation>Waktu layanan rata-rata / median / p90 (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="115"/>
        <source>Served within target wait</source>
        <translation>Dilayani dalam target waktu tunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="116"/>
        <source>Permit applications decided</source>
        <translation>Permohonan izin diputuskan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="117"/>
        <source>Decided within the deadline (clock running)</source>
        <translation>Diputuskan dalam jangka waktu (yang berjalan)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="126"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="290"/>
        <source>Issued</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="126"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="132"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="291"/>
        <source>Served</source>
        <comment>column</comment>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="127"/>
        <source>Avg wait (min)</source>
        <translation>Tunggu rata-rata (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="127"/>
        <source>Within target</source>
        <translation>Dalam target</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="133"/>
        <source>Avg service (min)</source>
        <translation>Layanan rata-rata (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="134"/>
        <source>Idle (min)</source>
        <translation>Luang (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="155"/>
        <source>Officers</source>
        <translation>Kinerja petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="157"/>
        <source>Daily trend</source>
        <translation>Tren harian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="159"/>
        <source>Arrivals by weekday and hour (local time)</source>
        <translation>Kedatangan menurut hari dan jam (waktu setempat)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="222"/>
        <source>Computing…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="230"/>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="271"/>
        <source>Figures for %1 to %2</source>
        <translation>Angka untuk %1 s.d. %2</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="323"/>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="343"/>
        <source>Report saved to %1</source>
        <translation>Laporan disimpan ke %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="346"/>
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
