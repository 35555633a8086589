<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="96"/>
        <source>P4 Desk — Ticket kiosk</source>
        <translation>P4 Desk — Kiosk Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="97"/>
        <source>Take a queue number</source>
        <translation>Ambil Nomor Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="98"/>
        <source>Remove priority</source>
        <translation>Batalkan prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="99"/>
        <source>Choose an agency</source>
        <translation>Silakan pilih instansi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="101"/>
        <source>Priority service (elderly, disabled, pregnant women, children)</source>
        <translation>Layanan prioritas (lansia, disabilitas, ibu hamil, anak)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="103"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="104"/>
        <source>Priority service</source>
        <translation>Layanan prioritas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="105"/>
        <source>Who needs priority service?</source>
        <translation>Siapa yang memerlukan layanan prioritas?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="109"/>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="113"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="111"/>
        <source>Your queue number</source>
        <translation>Nomor antrian Anda</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="112"/>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="114"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="131"/>
        <source>Aged 60 and over</source>
        <translation>Usia 60 tahun ke atas</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="132"/>
        <source>Wheelchair users, blind, deaf and other disabilities</source>
        <translation>Pengguna kursi roda, tunanetra, tunarungu dan disabilitas lain</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="133"/>
        <source>At any month of pregnancy</source>
        <translation>Pada usia kehamilan berapa pun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="134"/>
        <source>Children and toddlers, with their companion</source>
        <translation>Anak dan balita beserta pendampingnya</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="155"/>
        <source>{0} services · {1} waiting</source>
        <translation>{0} layanan · {1} menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="160"/>
        <source>No service available now</source>
        <translation>Tidak ada layanan yang tersedia saat ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="168"/>
        <source>Closed now</source>
        <translation>Sedang tutup</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="170"/>
        <source>Today&apos;s quota is used up</source>
        <translation>Kuota hari ini sudah habis</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="178"/>
        <source>choose a service</source>
        <translation>pilih layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="186"/>
        <source>Hours today: {0}</source>
        <translation>Jam layanan hari ini: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="187"/>
        <source>Waiting: {0}</source>
        <translation>Menunggu: {0} orang</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="190"/>
        <source>Longest wait: {0} min</source>
        <translation>Waktu tunggu terlama: {0} menit</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="237"/>
        <source>Priority: {0} — now choose the service</source>
        <translation>Prioritas: {0} — silakan pilih layanan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="257"/>
        <source>Sorry, the number could not be taken. Please ask an officer.</source>
        <translation>Maaf, nomor antrian tidak dapat dibuat. Silakan hubungi petugas.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="271"/>
        <source>Priority: {0}</source>
        <translation>Prioritas: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="275"/>
        <source>People ahead of you: {0}</source>
        <translation>Jumlah antrian di depan Anda: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="277"/>
        <source>Estimated wait: {0}</source>
        <translation>Perkiraan waktu tunggu: {0}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="287"/>
        <source>Printing your ticket…</source>
        <translation>Tiket sedang dicetak…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="308"/>
        <source>Please take your ticket and wait to be called.</source>
        <translation>Silakan ambil tiket Anda dan tunggu panggilan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="319"/>
        <source>The printer reported an unexpected error.</source>
        <translation>Printer mengalami galat yang tidak terduga.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="320"/>
        <source>The ticket could not be printed.</source>
        <translation>Tiket tidak dapat dicetak.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="321"/>
        <source>Choose Try again, or Cancel to cancel this number.</source>
        <translation>Tekan Coba lagi, atau Batal untuk membatalkan nomor ini.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/kiosk/window.py" line="337"/>
        <source>The number was cancelled. Please take a new number or ask an officer.</source>
        <translation>Nomor antrian dibatalkan. Silakan ambil nomor baru atau hubungi petugas.</translation>
    </message>
</context>
</TS>
