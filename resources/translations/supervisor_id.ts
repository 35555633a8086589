<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>BookingsPanel</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/bookings.py" line="30"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/bookings.py" line="30"/>
        <source>Booked</source>
        <translation>Dipesan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/bookings.py" line="30"/>
        <source>Checked in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/bookings.py" line="30"/>
        <source>Late</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/bookings.py" line="31"/>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/bookings.py" line="31"/>
        <source>Expected</source>
        <translation>Belum datang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/bookings.py" line="31"/>
        <source>Served within the slot</source>
        <translation>Dilayani dalam slot</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/bookings.py" line="47"/>
        <source>Today: {0} booked, {1} checked in, {2} late, {3} no-show, {4} still expected.</source>
        <translation>Hari ini: {0} dipesan, {1} check-in, {2} terlambat, {3} tidak hadir, {4} belum datang.</translation>
    </message>
</context>
<context>
    <name>LatePanel</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="43"/>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="46"/>
        <source>Deadlines due from</source>
        <translation>Jatuh tempo dari</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="48"/>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="56"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="57"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="58"/>
        <source>Complaint</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="59"/>
        <source>Deadline</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="60"/>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="61"/>
        <source>Done</source>
        <translation>Dilakukan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="62"/>
        <source>Working days late</source>
        <translation>Hari kerja terlambat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="63"/>
        <source>State now</source>
        <translation>Status kini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="86"/>
        <source>%1 deadlines passed without the required step, %2 complaints.</source>
        <translation>%1 batas waktu terlewati tanpa langkah wajib, %2 pengaduan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="91"/>
        <source>No complaint deadline passed in this period.</source>
        <translation>Tidak ada batas waktu pengaduan yang terlewati pada periode ini.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="96"/>
        <source>(unknown)</source>
        <translation>(tidak diketahui)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/late.py" line="100"/>
        <source>not yet</source>
        <translation>belum</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="103"/>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="105"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="103"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="106"/>
        <source>Average wait, last hour (min)</source>
        <translation>Rata-rata tunggu 1 jam terakhir (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="110"/>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="118"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="111"/>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="119"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="112"/>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="120"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="113"/>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="121"/>
        <source>Ticket</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="122"/>
        <source>Idle (min)</source>
        <translation>Luang (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="126"/>
        <source>Reprint ticket…</source>
        <translation>Cetak ulang tiket…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="127"/>
        <source>Cancel ticket…</source>
        <translation>Batalkan tiket…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="128"/>
        <source>Close selected counter…</source>
        <translation>Tutup loket terpilih…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="103"/>
        <source>Longest</source>
        <comment>wait</comment>
        <translation>Terlama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="104"/>
        <source>Last hour</source>
        <comment>average wait</comment>
        <translation>1 jam terakhir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="104"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="105"/>
        <source>Tickets waiting now</source>
        <translation>Tiket yang menunggu sekarang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="105"/>
        <source>Longest wait now (min)</source>
        <translation>Tunggu terlama saat ini (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="106"/>
        <source>Target wait (min)</source>
        <translation>Target waktu tunggu (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="114"/>
        <source>Idle</source>
        <translation>Luang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="136"/>
        <source>Queues per service (minutes)</source>
        <translation>Antrean per layanan (menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="141"/>
        <source>Counters (idle in minutes)</source>
        <translation>Loket (luang dalam menit)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="182"/>
        <source>Not updated: %1</source>
        <translation>Gagal diperbarui: %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="190"/>
        <source>%1: longest wait %2 min, target %3 min</source>
        <translation>%1: tunggu terlama %2 mnt, target %3 mnt</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="196"/>
        <source>Over target waiting time:</source>
        <translation>Melewati target waktu tunggu:</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="201"/>
        <source>Updated %1</source>
        <translation>Diperbarui %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="222"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="222"/>
        <source>Paused</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="222"/>
        <source>Closed</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="223"/>
        <source>called</source>
        <translation>dipanggil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="223"/>
        <source>serving</source>
        <translation>dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="258"/>
        <source>Not done</source>
        <translation>Tidak dapat dilakukan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="267"/>
        <source>Ticket number (e.g. A017):</source>
        <translation>Nomor tiket (mis. A017):</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="271"/>
        <source>Reason (recorded in the audit log):</source>
        <translation>Alasan (dicatat di log audit):</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="275"/>
        <source>A reason is required.</source>
        <translation>Alasan wajib diisi.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="280"/>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="298"/>
        <source>Reprint ticket</source>
        <translation>Cetak ulang tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="293"/>
        <source>Copy of %1 saved to %2</source>
        <translation>Salinan %1 disimpan ke %2</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="299"/>
        <source>The copy of %1 is saved as %2, but no PDF viewer opened on this computer. Open that file with a PDF viewer to print it.</source>
        <translation>Salinan %1 tersimpan sebagai %2, tetapi tidak ada penampil PDF yang terbuka di komputer ini. Buka berkas itu dengan penampil PDF untuk mencetaknya.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="307"/>
        <source>Cancel ticket</source>
        <translation>Batalkan tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="312"/>
        <source>Cancel ticket %1?</source>
        <translation>Batalkan tiket %1?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="318"/>
        <source>Close counter</source>
        <translation>Tutup loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="321"/>
        <source>Select a counter in the list first.</source>
        <translation>Pilih dulu satu loket di daftar.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/live.py" line="327"/>
        <source>Close counter %1? A ticket called there goes back to its queue at its place; a ticket being served is marked finished.</source>
        <translation>Tutup loket %1? Tiket yang sedang dipanggil di sana kembali ke antriannya di urutan semula; tiket yang sedang dilayani ditandai selesai.</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="79"/>
        <source>(all)</source>
        <extracomment>Qt&apos;s pattern of ``domain.wording.format_date``; month names come from the Indonesian locale</extracomment>
        <translation>(semua)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="81"/>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="85"/>
        <source>Export %1…</source>
        <translation>Ekspor %1…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="94"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="96"/>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="100"/>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="100"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="132"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="101"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="101"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="137"/>
        <source>Officer</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="108"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="111"/>
        <source>Tickets issued</source>
        <translation>Tiket diambil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="112"/>
        <source>Served</source>
        <translation>Selesai dilayani</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="113"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="132"/>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="114"/>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="115"/>
        <source>Transferred</source>
        <translation>Dialihkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="116"/>
        <source>Unserved (the service day ended)</source>
        <translation>Tidak terlayani (hari layanan berakhir)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="117"/>
        <source>Still waiting at the end</source>
        <translation>Masih menunggu di akhir periode</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="118"/>
        <source>Waiting time avg / median / p90 (min)</source>
        <translation>Waktu tunggu rata-rata / median / p90 (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="119"/>
        <source>Service time avg / median / p90 (min)</source>
        <translation>Waktu layanan rata-rata / median / p90 (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="120"/>
        <source>Served within target wait</source>
        <translation>Dilayani dalam target waktu tunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="121"/>
        <source>Permit applications decided</source>
        <translation>Permohonan izin diputuskan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="122"/>
        <source>Decided within the deadline (clock running)</source>
        <translation>Diputuskan dalam jangka waktu (yang berjalan)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="123"/>
        <source>Visits of several services</source>
        <translation>Kunjungan beberapa layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="132"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="294"/>
        <source>Issued</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="132"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="138"/>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="295"/>
        <source>Served</source>
        <comment>column</comment>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="133"/>
        <source>Avg wait (min)</source>
        <translation>Tunggu rata-rata (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="133"/>
        <source>Within target</source>
        <translation>Dalam target</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="139"/>
        <source>Avg service (min)</source>
        <translation>Layanan rata-rata (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="140"/>
        <source>Idle (min)</source>
        <translation>Luang (mnt)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="161"/>
        <source>Officers</source>
        <translation>Kinerja petugas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="163"/>
        <source>Daily trend</source>
        <translation>Tren harian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="165"/>
        <source>Arrivals by weekday and hour (local time)</source>
        <translation>Kedatangan menurut hari dan jam (waktu setempat)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="217"/>
        <source>Computing…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="223"/>
        <source>{0}: {1} completed, {2} services not reached; next service wait avg {3} min</source>
        <translation>{0}: {1} tuntas, {2} layanan tidak dilanjutkan; tunggu layanan berikutnya rata-rata {3} menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="234"/>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="275"/>
        <source>Figures for %1 to %2</source>
        <translation>Angka untuk %1 s.d. %2</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="327"/>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="347"/>
        <source>Report saved to %1</source>
        <translation>Laporan disimpan ke %1</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/statistics.py" line="350"/>
        <source>Writing report…</source>
        <translation>Menulis laporan…</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="21"/>
        <source>P4 Desk – Supervisor</source>
        <translation>P4 Desk – Supervisor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="25"/>
        <source>Live monitor</source>
        <translation>Pemantauan langsung</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="26"/>
        <source>Statistics and reports</source>
        <translation>Statistik dan laporan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="28"/>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="45"/>
        <source>Permit deadlines</source>
        <translation>Jangka waktu izin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="34"/>
        <source>Complaints</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="35"/>
        <source>Satisfaction (IKM)</source>
        <translation>Kepuasan (IKM)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="37"/>
        <source>Late complaints</source>
        <translation>Keterlambatan pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/supervisor/window.py" line="39"/>
        <source>Today&apos;s appointments</source>
        <translation>Janji temu hari ini</translation>
    </message>
</context>
</TS>
