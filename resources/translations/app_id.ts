<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>ChoicePage</name>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="59"/>
        <source>Welcome to P4 Desk</source>
        <translation>Selamat datang di P4 Desk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="60"/>
        <source>This computer is not set up yet. What would you like to do?</source>
        <translation>Komputer ini belum disiapkan. Apa yang ingin Anda lakukan?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="62"/>
        <source>Try it with sample data (demo site MPP-BDL, counter L01)</source>
        <translation>Coba dengan data contoh (situs contoh MPP-BDL, loket L01)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="64"/>
        <source>Set up a new site</source>
        <translation>Siapkan situs baru</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="66"/>
        <source>Connect this PC to an existing site database</source>
        <translation>Sambungkan PC ini ke basis data situs yang sudah ada</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="73"/>
        <source>Demo logins: {logins}</source>
        <translation>Login contoh: {logins}</translation>
    </message>
</context>
<context>
    <name>ExistingPage</name>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="206"/>
        <source>Existing site database</source>
        <translation>Basis data situs yang sudah ada</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="208"/>
        <source>A PostgreSQL URL (postgresql://user:password@server/p4desk) or a SQLite file.</source>
        <translation>URL PostgreSQL (postgresql://pengguna:sandi@server/p4desk) atau berkas SQLite.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="214"/>
        <source>Test connection</source>
        <translation>Tes koneksi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="223"/>
        <source>Database URL</source>
        <translation>Alamat basis data</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="252"/>
        <source>Type the address of the site database first.</source>
        <translation>Isi dulu alamat basis data situs.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="257"/>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="265"/>
        <source>Connected to {code} — {name}. The site has {n} counters.</source>
        <translation>Terhubung ke {code} — {name}. Situs ini punya {n} loket.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../p4_desk/gui/app/first_run.py" line="86"/>
        <source>P4 Desk — first start</source>
        <extracomment>the saved settings once the setup succeeded</extracomment>
        <translation>P4 Desk — mulai pertama</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run.py" line="100"/>
        <source>Next &gt;</source>
        <translation>Lanjut &gt;</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run.py" line="101"/>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run.py" line="102"/>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run.py" line="103"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run.py" line="134"/>
        <source>Preparing the database…</source>
        <translation>Menyiapkan basis data…</translation>
    </message>
</context>
<context>
    <name>FormGuard</name>
    <message>
        <location filename="../../p4_desk/gui/common/form_guard.py" line="199"/>
        <source>Close the form?</source>
        <extracomment>the field&apos;s current problem; without it an edited field&apos;s message goes at once where the cursor starts: the first field the officer types in</extracomment>
        <translation>Tutup formulir?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/common/form_guard.py" line="202"/>
        <source>The form holds typed text that is not saved. Close it anyway?</source>
        <translation>Formulir berisi isian yang belum disimpan. Tetap tutup?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/common/form_guard.py" line="207"/>
        <source>Close without saving</source>
        <translation>Tutup tanpa menyimpan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/common/form_guard.py" line="211"/>
        <source>Back to the form</source>
        <translation>Kembali ke isian</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="220"/>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="222"/>
        <source>Key</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="222"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="232"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/app_lock.ui" line="31"/>
        <source>Screen locked</source>
        <translation>Layar terkunci</translation>
    </message>
    <message>
        <location filename="../../ui/app_lock.ui" line="43"/>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../ui/app_lock.ui" line="67"/>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <location filename="../../ui/app_lock.ui" line="56"/>
        <source>Log out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/screen_lock.py" line="92"/>
        <source>{name} ({username}) is logged in. Enter the password to continue.</source>
        <translation>{name} ({username}) sedang masuk. Masukkan kata sandi untuk melanjutkan.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/screen_lock.py" line="121"/>
        <source>Wrong password. Try again.</source>
        <translation>Kata sandi salah. Coba lagi.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../p4_desk/gui/app/login.py" line="43"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/login.py" line="44"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/login.py" line="45"/>
        <source>Administration</source>
        <translation>Administrasi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/login.py" line="49"/>
        <source>Counter {counter}</source>
        <translation>Loket {counter}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/login.py" line="51"/>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/login.py" line="52"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/login.py" line="61"/>
        <source>Enter your user name and password.</source>
        <translation>Masukkan nama pengguna dan kata sandi.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/login.py" line="64"/>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../ui/app_login.ui" line="9"/>
        <source>P4 Desk — Log in</source>
        <translation>P4 Desk — Masuk</translation>
    </message>
    <message>
        <location filename="../../ui/app_login.ui" line="14"/>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../ui/app_login.ui" line="27"/>
        <source>&amp;User name</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../ui/app_login.ui" line="36"/>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
</context>
<context>
    <name>NewSitePage</name>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="106"/>
        <source>New site</source>
        <translation>Situs baru</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="107"/>
        <source>The site, where its database lives, and its first administrator.</source>
        <translation>Situs, tempat basis datanya, dan admin pertamanya.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="112"/>
        <source>e.g. MPP Kabupaten Lampung Selatan</source>
        <translation>mis. MPP Kabupaten Lampung Selatan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="117"/>
        <source>empty: embedded database on this PC</source>
        <translation>kosong: basis data tertanam di PC ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="118"/>
        <source>For several PCs: postgresql://user:password@server/p4desk</source>
        <translation>Untuk beberapa PC: postgresql://pengguna:sandi@server/p4desk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="119"/>
        <source>Test connection</source>
        <translation>Tes koneksi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="129"/>
        <source>At least 10 characters, letters mixed with digits or punctuation.</source>
        <translation>Minimal 10 karakter, huruf dipadukan dengan angka atau tanda baca.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="148"/>
        <source>Site code</source>
        <translation>Kode situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="148"/>
        <source>Site name</source>
        <translation>Nama situs</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="148"/>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="148"/>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="185"/>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="193"/>
        <source>The site database will be a file on this PC.</source>
        <translation>Basis data situs akan menjadi berkas di PC ini.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="195"/>
        <source>Connected. The site will be created in this database.</source>
        <translation>Terhubung. Situs akan dibuat di basis data ini.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="149"/>
        <source>Admin user name</source>
        <translation>Nama pengguna admin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="149"/>
        <source>Admin full name</source>
        <translation>Nama lengkap admin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="149"/>
        <source>Admin password</source>
        <translation>Kata sandi admin</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="150"/>
        <source>Repeat password</source>
        <translation>Ulangi kata sandi</translation>
    </message>
</context>
<context>
    <name>PersonalNumberHint</name>
    <message>
        <location filename="../../p4_desk/gui/common/personal_text.py" line="27"/>
        <source>This text contains a NIK/phone number; it will be masked when sent and printed</source>
        <translation>Teks ini memuat NIK/nomor telepon; akan disamarkan saat dikirim dan dicetak</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="294"/>
        <source>This workstation</source>
        <translation>Stasiun kerja ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="295"/>
        <source>What is this PC used for?</source>
        <translation>PC ini dipakai untuk apa?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="299"/>
        <source>Counter (officer)</source>
        <translation>Loket (petugas)</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="300"/>
        <source>Ticket kiosk</source>
        <translation>Kios tiket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="301"/>
        <source>Display board</source>
        <translation>Papan tampilan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="302"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="303"/>
        <source>Satisfaction survey</source>
        <translation>Survei kepuasan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="304"/>
        <source>Administration</source>
        <translation>Administrasi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="313"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="314"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/first_run_pages.py" line="339"/>
        <source>The site has no counters yet: the officer chooses one at login once the admin has added them.</source>
        <translation>Situs belum punya loket: petugas memilih loket saat login setelah admin menambahkannya.</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="60"/>
        <source>P4 Desk</source>
        <translation>P4 Desk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="92"/>
        <source>&amp;Account</source>
        <translation>&amp;Akun</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="93"/>
        <source>&amp;Lock screen</source>
        <translation>&amp;Kunci layar</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="97"/>
        <source>Log &amp;out</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="101"/>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="102"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Pintasan keyboard</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="114"/>
        <source>Database connection lost — retrying… {detail}</source>
        <translation>Koneksi basis data terputus — mencoba lagi… {detail}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="165"/>
        <source>A form holds typed text that is not saved. Discard it and leave?</source>
        <translation>Ada formulir berisi isian yang belum disimpan. Buang isian dan keluar?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="166"/>
        <source>Discard changes?</source>
        <translation>Buang perubahan?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="206"/>
        <source>This help</source>
        <translation>Bantuan ini</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="207"/>
        <source>Lock screen</source>
        <translation>Kunci layar</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/shell.py" line="208"/>
        <source>Log out</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>WorkstationSession</name>
    <message>
        <location filename="../../p4_desk/gui/app/session.py" line="108"/>
        <source>Choose counter</source>
        <translation>Pilih loket</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/session.py" line="109"/>
        <source>Which counter are you at?</source>
        <translation>Anda bertugas di loket mana?</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/session.py" line="111"/>
        <source>Choose</source>
        <translation>Pilih</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/session.py" line="112"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>WorkstationStatusBar</name>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="47"/>
        <source>Sync: not configured</source>
        <translation>Sinkronisasi: belum dikonfigurasi</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="67"/>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="67"/>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="69"/>
        <source>Database: connected ({engine})</source>
        <translation>Basis data: terhubung ({engine})</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="72"/>
        <source>Database: disconnected</source>
        <translation>Basis data: terputus</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="79"/>
        <source>Officer: {name}</source>
        <translation>Petugas: {name}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="79"/>
        <source>Officer: -</source>
        <translation>Petugas: -</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="81"/>
        <source>Counter: {code}</source>
        <translation>Loket: {code}</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="91"/>
        <source>Sync: online · {pending} pending</source>
        <translation>Sinkronisasi: daring · {pending} menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="93"/>
        <source>Sync: offline · {pending} pending</source>
        <translation>Sinkronisasi: luring · {pending} menunggu</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/status_bar.py" line="95"/>
        <source> · {failed} failed</source>
        <translation> · {failed} gagal</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../p4_desk/gui/app/crash.py" line="29"/>
        <source>Sorry, something went wrong in P4 Desk. Your queue data is safe. The details were written to {path}; please tell your site IT.</source>
        <translation>Maaf, terjadi kesalahan di P4 Desk. Data antrean Anda aman. Rinciannya dicatat di {path}; mohon beri tahu petugas TI situs.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/crash.py" line="35"/>
        <source>P4 Desk</source>
        <translation>P4 Desk</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/app/crash.py" line="38"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <location filename="../../p4_desk/gui/common/feedback.py" line="25"/>
        <source>An unexpected error occurred. The details were written to the log file.</source>
        <translation>Terjadi kesalahan tak terduga. Rinciannya dicatat di berkas log.</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/common/feedback.py" line="33"/>
        <source>Cannot continue</source>
        <translation>Tidak dapat dilanjutkan</translation>
    </message>
    <message>
        <location filename="../../p4_desk/gui/common/feedback.py" line="37"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>launcher</name>
    <message>
        <location filename="../../p4_desk/gui/launcher.py" line="113"/>
        <source>Opening the database…</source>
        <translation>Membuka basis data…</translation>
    </message>
</context>
</TS>
