<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AdminExitDialog</name>
    <message>
        <location filename="../../p4_desk/gui/kiosk/exit_guard.py" line="35"/>
        <source>Close this screen</source>
        <translation>Tutup layar ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/exit_guard.py" line="36"/>
        <source>Only an administrator can close this screen.</source>
        <translation>Hanya admin yang dapat menutup layar ini.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/exit_guard.py" line="47"/>
        <source>Admin user name</source>
        <translation>Nama pengguna admin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/exit_guard.py" line="48"/>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/exit_guard.py" line="51"/>
        <source>Close screen</source>
        <translation>Tutup layar</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/exit_guard.py" line="54"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/exit_guard.py" line="74"/>
        <source>This account is not an administrator&apos;s.</source>
        <translation>Akun ini bukan akun admin.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/exit_guard.py" line="80"/>
        <source>The account could not be checked.</source>
        <translation>Akun tidak dapat diperiksa.</translation>
    </message>
</context>
<context>
    <name>Checkin</name>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="136"/>
        <source>I already have an appointment</source>
        <translation>Saya sudah punya janji</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="137"/>
        <source>Type or scan your booking code</source>
        <translation>Ketik atau pindai kode janji temu Anda</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="138"/>
        <source>8-digit code</source>
        <translation>Kode 8 angka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="139"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="140"/>
        <source>Check in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="141"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="142"/>
        <source>Add another service</source>
        <translation>Tambah layanan lain</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="174"/>
        <source>The booking code has 8 digits.</source>
        <translation>Kode janji temu terdiri dari 8 angka.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="210"/>
        <source>This code was already used: your number is {0}.</source>
        <translation>Kode ini sudah dipakai: nomor antrian Anda {0}.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="224"/>
        <source>You came after your appointment time: you are served in arrival order.</source>
        <translation>Anda datang setelah jam janji: Anda dilayani sesuai urutan kedatangan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="228"/>
        <source>Appointment {0}</source>
        <translation>Janji temu {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="240"/>
        <source>Sorry, the check-in failed. Please ask an officer.</source>
        <translation>Maaf, check-in gagal. Silakan hubungi petugas.</translation>
    </message>
</context>
<context>
    <name>KioskReminder</name>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="142"/>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="143"/>
        <source>Remind me when my turn is near</source>
        <translation>Ingatkan saya saat giliran saya dekat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="146"/>
        <source>Type your mobile number (WhatsApp or SMS). It is optional and is deleted when your ticket ends.</source>
        <translation>Ketik nomor ponsel Anda (WhatsApp atau SMS). Nomor ini boleh dikosongkan dan dihapus setelah tiket Anda selesai.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="150"/>
        <source>08…</source>
        <translation>08…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="151"/>
        <source>Erase</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="152"/>
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="153"/>
        <source>Send</source>
        <translation>Kirim</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="154"/>
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="211"/>
        <source>Type your mobile number first, or choose Skip.</source>
        <translation>Ketik nomor ponsel Anda dulu, atau pilih Lewati.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="221"/>
        <source>We will send a message to {0} when your turn is near.</source>
        <translation>Kami akan mengirim pesan ke {0} ketika giliran Anda sudah dekat.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/reminder.py" line="231"/>
        <source>Sorry, the reminder could not be saved. Please ask an officer.</source>
        <translation>Maaf, pengingat tidak dapat disimpan. Silakan tanya petugas.</translation>
    </message>
</context>
<context>
    <name>KioskVisit</name>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="103"/>
        <source>Choose several services</source>
        <translation>Pilih beberapa layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="104"/>
        <source>Take a queue number</source>
        <translation>Ambil nomor antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="105"/>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="223"/>
        <source>Add another service</source>
        <translation>Tambah layanan lain</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="106"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="137"/>
        <source>This number is for your whole visit, in this order:</source>
        <translation>Nomor ini berlaku untuk seluruh kunjungan Anda, berurutan:</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="152"/>
        <source>Choose the first service of your visit.</source>
        <translation>Pilih layanan pertama kunjungan Anda.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="173"/>
        <source>Service {0} of at most {1}: choose the agency, then the service.</source>
        <translation>Layanan ke-{0} dari maksimal {1}: pilih instansi, lalu layanannya.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="207"/>
        <source>Sorry, the number could not be taken. Please ask an officer.</source>
        <translation>Maaf, nomor antrian tidak dapat dibuat. Silakan hubungi petugas.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="214"/>
        <source>Services of your visit</source>
        <translation>Layanan kunjungan Anda</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="218"/>
        <source>appointment {0}</source>
        <translation>janji temu {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/visit.py" line="223"/>
        <source>At most {0} services</source>
        <translation>Maksimal {0} layanan</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="113"/>
        <source>P4 Desk — Ticket kiosk</source>
        <translation>P4 Desk — Kiosk Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="114"/>
        <source>Take a queue number</source>
        <translation>Ambil Nomor Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="115"/>
        <source>Remove priority</source>
        <translation>Batalkan prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="116"/>
        <source>Choose an agency</source>
        <translation>Silakan pilih instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="118"/>
        <source>Priority service (elderly, disabled, pregnant women, children)</source>
        <translation>Layanan prioritas (lansia, disabilitas, ibu hamil, anak)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="120"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="121"/>
        <source>Priority service</source>
        <translation>Layanan prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="122"/>
        <source>Who needs priority service?</source>
        <translation>Siapa yang memerlukan layanan prioritas?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="126"/>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="134"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="128"/>
        <source>‹ Previous</source>
        <translation>‹ Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="129"/>
        <source>Next ›</source>
        <translation>Berikutnya ›</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="130"/>
        <source>Page {0} of {1}</source>
        <translation>Halaman {0} dari {1}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="132"/>
        <source>Your queue number</source>
        <translation>Nomor antrian Anda</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="133"/>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="135"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="152"/>
        <source>Aged 60 and over</source>
        <translation>Usia 60 tahun ke atas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="153"/>
        <source>Wheelchair users, blind, deaf and other disabilities</source>
        <translation>Pengguna kursi roda, tunanetra, tunarungu dan disabilitas lain</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="154"/>
        <source>At any month of pregnancy</source>
        <translation>Pada usia kehamilan berapa pun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="155"/>
        <source>Children and toddlers, with their companion</source>
        <translation>Anak dan balita beserta pendampingnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="176"/>
        <source>{0} services · {1} waiting</source>
        <translation>{0} layanan · {1} menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="181"/>
        <source>No service available now</source>
        <translation>Tidak ada layanan yang tersedia saat ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="189"/>
        <source>Closed now</source>
        <translation>Sedang tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="191"/>
        <source>Today&apos;s quota is used up</source>
        <translation>Kuota hari ini sudah habis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="199"/>
        <source>choose a service</source>
        <translation>pilih layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="207"/>
        <source>Hours today: {0}</source>
        <translation>Jam layanan hari ini: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="208"/>
        <source>Waiting: {0}</source>
        <translation>Menunggu: {0} orang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="211"/>
        <source>Longest wait: {0} min</source>
        <translation>Waktu tunggu terlama: {0} menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="260"/>
        <source>Priority: {0} — now choose the service</source>
        <translation>Prioritas: {0} — silakan pilih layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="280"/>
        <source>Sorry, the number could not be taken. Please ask an officer.</source>
        <translation>Maaf, nomor antrian tidak dapat dibuat. Silakan hubungi petugas.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="295"/>
        <source>Priority: {0}</source>
        <translation>Prioritas: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="299"/>
        <source>People ahead of you: {0}</source>
        <translation>Jumlah antrian di depan Anda: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="301"/>
        <source>No counter for this service is open yet: please wait for your call.</source>
        <translation>Belum ada loket yang buka untuk layanan ini; silakan tunggu panggilan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="304"/>
        <source>Estimated wait: {0}</source>
        <translation>Perkiraan waktu tunggu: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="306"/>
        <source>Served at: {0}</source>
        <translation>Dilayani di: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="318"/>
        <source>Printing your ticket…</source>
        <translation>Tiket sedang dicetak…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="337"/>
        <source>Please take your ticket and wait to be called.</source>
        <translation>Silakan ambil tiket Anda dan tunggu panggilan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="352"/>
        <source>Sorry, we could not print your ticket. Try again, or ask an officer for help.</source>
        <translation>Maaf, tiket Anda belum dapat dicetak. Coba lagi, atau minta bantuan petugas.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="353"/>
        <source>The ticket could not be printed.</source>
        <translation>Tiket tidak dapat dicetak.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="372"/>
        <source>The number was cancelled. Please take a new number or ask an officer.</source>
        <translation>Nomor antrian dibatalkan. Silakan ambil nomor baru atau hubungi petugas.</translation>
    </message>
</context>
<context>
    <name>ServiceInfoMode</name>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="94"/>
        <source>Service information</source>
        <translation>Informasi layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="95"/>
        <source>Service information: choose a service</source>
        <translation>Informasi layanan: pilih layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="96"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="97"/>
        <source>Back to the list</source>
        <translation>Kembali ke daftar</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="134"/>
        <source>No service standard has been published yet.</source>
        <translation>Belum ada standar pelayanan yang dipublikasikan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="140"/>
        <source>Service information cannot be shown now. Please ask an officer.</source>
        <translation>Informasi layanan belum dapat ditampilkan. Silakan tanyakan kepada petugas.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="155"/>
        <source>Not yet available: please ask an officer.</source>
        <translation>Belum tersedia: silakan tanyakan kepada petugas.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="169"/>
        <source>Requirements</source>
        <translation>Persyaratan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="170"/>
        <source>Procedure</source>
        <translation>Prosedur</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="174"/>
        <source>Time to complete</source>
        <translation>Jangka waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="175"/>
        <source>Fee</source>
        <translation>Biaya/tarif</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="176"/>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="177"/>
        <source>Complaints</source>
        <translation>Penanganan pengaduan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/info.py" line="178"/>
        <source>Legal basis</source>
        <translation>Dasar hukum</translation>
    </message>
</context>
</TS>
