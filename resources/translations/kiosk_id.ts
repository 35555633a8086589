<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="87" />
        <source>P4 Desk — Ticket kiosk</source>
        <translation>P4 Desk — Kiosk Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="121" />
        <source>Take a queue number</source>
        <translation>Ambil Nomor Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="135" />
        <source>Remove priority</source>
        <translation>Batalkan prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="144" />
        <source>Choose an agency</source>
        <translation>Silakan pilih instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="147" />
        <source>Priority service (elderly, disabled, pregnant women, children)</source>
        <translation>Layanan prioritas (lansia, disabilitas, ibu hamil, anak)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="155" />
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="158" />
        <source>Priority service</source>
        <translation>Layanan prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="165" />
        <source>Who needs priority service?</source>
        <translation>Siapa yang memerlukan layanan prioritas?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="170" />
        <location filename="../../p4_desk/gui/kiosk/window.py" line="178" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="176" />
        <source>Your queue number</source>
        <translation>Nomor antrian Anda</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="177" />
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="179" />
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="201" />
        <source>Aged 60 and over</source>
        <translation>Usia 60 tahun ke atas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="202" />
        <source>Wheelchair users, blind, deaf and other disabilities</source>
        <translation>Pengguna kursi roda, tunanetra, tunarungu dan disabilitas lain</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="203" />
        <source>At any month of pregnancy</source>
        <translation>Pada usia kehamilan berapa pun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="204" />
        <source>Children and toddlers, with their companion</source>
        <translation>Anak dan balita beserta pendampingnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="267" />
        <source>{0} services · {1} waiting</source>
        <translation>{0} layanan · {1} menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="272" />
        <source>No service available now</source>
        <translation>Tidak ada layanan yang tersedia saat ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="280" />
        <source>Closed now</source>
        <translation>Sedang tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="282" />
        <source>Today's quota is used up</source>
        <translation>Kuota hari ini sudah habis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="290" />
        <source>choose a service</source>
        <translation>pilih layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="296" />
        <source>Hours today: {0}</source>
        <translation>Jam layanan hari ini: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="298" />
        <source>Waiting: {0}</source>
        <translation>Menunggu: {0} orang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="302" />
        <source>Longest wait: {0} min</source>
        <translation>Waktu tunggu terlama: {0} menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="347" />
        <source>Priority: {0} — now choose the service</source>
        <translation>Prioritas: {0} — silakan pilih layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="367" />
        <source>Sorry, the number could not be taken. Please ask an officer.</source>
        <translation>Maaf, nomor antrian tidak dapat dibuat. Silakan hubungi petugas.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="381" />
        <source>Priority: {0}</source>
        <translation>Prioritas: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="384" />
        <source>People ahead of you: {0}</source>
        <translation>Jumlah antrian di depan Anda: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="386" />
        <source>Estimated wait: {0}</source>
        <translation>Perkiraan waktu tunggu: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="396" />
        <source>Printing your ticket…</source>
        <translation>Tiket sedang dicetak…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="416" />
        <source>Please take your ticket and wait to be called.</source>
        <translation>Silakan ambil tiket Anda dan tunggu panggilan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="427" />
        <source>The printer reported an unexpected error.</source>
        <translation>Printer mengalami galat yang tidak terduga.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="428" />
        <source>The ticket could not be printed.</source>
        <translation>Tiket tidak dapat dicetak.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="429" />
        <source>Choose Try again, or Cancel to cancel this number.</source>
        <translation>Tekan Coba lagi, atau Batal untuk membatalkan nomor ini.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="445" />
        <source>The number was cancelled. Please take a new number or ask an officer.</source>
        <translation>Nomor antrian dibatalkan. Silakan ambil nomor baru atau hubungi petugas.</translation>
    </message>
</context>
</TS>
