<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="61"/>
        <source>P4 Desk — Display board</source>
        <translation>P4 Desk — Papan Informasi Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="64"/>
        <source>QUEUE NUMBER</source>
        <translation>NOMOR ANTRIAN</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="65"/>
        <source>Recent calls</source>
        <translation>Panggilan terakhir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="66"/>
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="131"/>
        <source>{0} dated {1}</source>
        <translation>{0} tanggal {1}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="134"/>
        <source>SERVICE PLEDGE (MAKLUMAT PELAYANAN)</source>
        <translation>MAKLUMAT PELAYANAN</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="137"/>
        <source>COMPLAINTS AND SUGGESTIONS</source>
        <translation>PENGADUAN DAN SARAN</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="144"/>
        <source>Break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="144"/>
        <source>Closed</source>
        <translation>Tutup</translation>
    </message>
</context>
</TS>
