<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="84" />
        <source>P4 Desk — Display board</source>
        <translation>P4 Desk — Papan Informasi Antrian</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="87" />
        <source>QUEUE NUMBER</source>
        <translation>NOMOR ANTRIAN</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="88" />
        <source>Recent calls</source>
        <translation>Panggilan terakhir</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="89" />
        <source>Counters</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="158" />
        <source>Break</source>
        <translation>Istirahat</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/display/window.py" line="158" />
        <source>Closed</source>
        <translation>Tutup</translation>
    </message>
</context>
</TS>
