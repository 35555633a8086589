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
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="127"/>
        <source>I already have an appointment</source>
        <translation>Saya sudah punya janji</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="128"/>
        <source>Type or scan your booking code</source>
        <translation>Ketik atau pindai kode janji temu Anda</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="129"/>
        <source>8-digit code</source>
        <translation>Kode 8 angka</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="130"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="131"/>
        <source>Check in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="132"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="163"/>
        <source>The booking code has 8 digits.</source>
        <translation>Kode janji temu terdiri dari 8 angka.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="180"/>
        <source>This code was already used: your number is {0}.</source>
        <translation>Kode ini sudah dipakai: nomor antrian Anda {0}.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="187"/>
        <source>You came after your appointment time: you are served in arrival order.</source>
        <translation>Anda datang setelah jam janji: Anda dilayani sesuai urutan kedatangan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="191"/>
        <source>Appointment {0}</source>
        <translation>Janji temu {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/checkin.py" line="203"/>
        <source>Sorry, the check-in failed. Please ask an officer.</source>
        <translation>Maaf, check-in gagal. Silakan hubungi petugas.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="105"/>
        <source>P4 Desk — Ticket kiosk</source>
        <translation>P4 Desk — Kiosk Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="106"/>
        <source>Take a queue number</source>
        <translation>Ambil Nomor Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="107"/>
        <source>Remove priority</source>
        <translation>Batalkan prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="108"/>
        <source>Choose an agency</source>
        <translation>Silakan pilih instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="110"/>
        <source>Priority service (elderly, disabled, pregnant women, children)</source>
        <translation>Layanan prioritas (lansia, disabilitas, ibu hamil, anak)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="112"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="113"/>
        <source>Priority service</source>
        <translation>Layanan prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="114"/>
        <source>Who needs priority service?</source>
        <translation>Siapa yang memerlukan layanan prioritas?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="118"/>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="126"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="120"/>
        <source>‹ Previous</source>
        <translation>‹ Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="121"/>
        <source>Next ›</source>
        <translation>Berikutnya ›</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="122"/>
        <source>Page {0} of {1}</source>
        <translation>Halaman {0} dari {1}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="124"/>
        <source>Your queue number</source>
        <translation>Nomor antrian Anda</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="125"/>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="127"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="144"/>
        <source>Aged 60 and over</source>
        <translation>Usia 60 tahun ke atas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="145"/>
        <source>Wheelchair users, blind, deaf and other disabilities</source>
        <translation>Pengguna kursi roda, tunanetra, tunarungu dan disabilitas lain</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="146"/>
        <source>At any month of pregnancy</source>
        <translation>Pada usia kehamilan berapa pun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="147"/>
        <source>Children and toddlers, with their companion</source>
        <translation>Anak dan balita beserta pendampingnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="168"/>
        <source>{0} services · {1} waiting</source>
        <translation>{0} layanan · {1} menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="173"/>
        <source>No service available now</source>
        <translation>Tidak ada layanan yang tersedia saat ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="181"/>
        <source>Closed now</source>
        <translation>Sedang tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="183"/>
        <source>Today&apos;s quota is used up</source>
        <translation>Kuota hari ini sudah habis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="191"/>
        <source>choose a service</source>
        <translation>pilih layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="199"/>
        <source>Hours today: {0}</source>
        <translation>Jam layanan hari ini: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="200"/>
        <source>Waiting: {0}</source>
        <translation>Menunggu: {0} orang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="203"/>
        <source>Longest wait: {0} min</source>
        <translation>Waktu tunggu terlama: {0} menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="250"/>
        <source>Priority: {0} — now choose the service</source>
        <translation>Prioritas: {0} — silakan pilih layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="270"/>
        <source>Sorry, the number could not be taken. Please ask an officer.</source>
        <translation>Maaf, nomor antrian tidak dapat dibuat. Silakan hubungi petugas.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="284"/>
        <source>Priority: {0}</source>
        <translation>Prioritas: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="288"/>
        <source>People ahead of you: {0}</source>
        <translation>Jumlah antrian di depan Anda: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="290"/>
        <source>No counter for this service is open yet: please wait for your call.</source>
        <translation>Belum ada loket yang buka untuk layanan ini; silakan tunggu panggilan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="293"/>
        <source>Estimated wait: {0}</source>
        <translation>Perkiraan waktu tunggu: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="295"/>
        <source>Served at: {0}</source>
        <translation>Dilayani di: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="307"/>
        <source>Printing your ticket…</source>
        <translation>Tiket sedang dicetak…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="326"/>
        <source>Please take your ticket and wait to be called.</source>
        <translation>Silakan ambil tiket Anda dan tunggu panggilan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="340"/>
        <source>Sorry, we could not print your ticket. Try again, or ask an officer for help.</source>
        <translation>Maaf, tiket Anda belum dapat dicetak. Coba lagi, atau minta bantuan petugas.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="341"/>
        <source>The ticket could not be printed.</source>
        <translation>Tiket tidak dapat dicetak.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="360"/>
        <source>The number was cancelled. Please take a new number or ask an officer.</source>
        <translation>Nomor antrian dibatalkan. Silakan ambil nomor baru atau hubungi petugas.</translation>
    </message>
</context>
</TS>
