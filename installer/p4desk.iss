; Inno Setup 6 script for P4 Desk (Windows installer).
; Built by `python installer\build.py --installer`, which passes:
;   /DAppVersion=<version from pyproject.toml>  /DSourceDir=<dist\p4-desk>  /DOutputDir=<dist>
; By hand:  iscc /DAppVersion=0.1.0 /DSourceDir=..\dist\p4-desk installer\p4desk.iss

#ifndef AppVersion
  #error AppVersion is not defined: build with installer\build.py (it passes the package version)
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\p4-desk"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif

#define AppName "P4 Desk"
#define AppExe "p4-desk.exe"
#define CliExe "p4-desk-cli.exe"
; platformdirs: user_data_dir("p4-desk", "P4Desk") etc. on Windows
#define DataDir "{localappdata}\P4Desk\p4-desk"

[Setup]
; Keep this AppId for every version so upgrades replace the old installation.
AppId={{6F1C4E2B-3A57-4C1D-9B0E-8D2A7C5F4E31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=P4 Desk
DefaultDirName={autopf}\P4 Desk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir={#OutputDir}
OutputBaseFilename=P4Desk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\p4desk.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; All users (kiosk and display PCs run under a local account); asks for elevation.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ShowLanguageDialog=no
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}

[Languages]
; Indonesian wizard texts are an unofficial Inno Setup translation: copy Indonesian.isl into
; Inno's Languages folder to use it. Without it the wizard's own texts stay English and only
; the messages below are Indonesian.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Indonesian.isl")
Name: "id"; MessagesFile: "compiler:Languages\Indonesian.isl"
#else
Name: "id"; MessagesFile: "compiler:Default.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
id.DesktopGroup=Pintasan desktop:
id.DesktopIcon=Buat pintasan P4 Desk di desktop
id.RemoveData=Hapus juga data situs (basis data, cadangan, log) di komputer ini
id.RemoveDataConfirm=Data situs di %1 akan dihapus permanen, termasuk basis data antrian dan cadangannya. Lanjutkan?
en.DesktopGroup=Desktop shortcut:
en.DesktopIcon=Create a P4 Desk desktop shortcut
en.RemoveData=Also delete the site's data (database, backups, logs) on this computer
en.RemoveDataConfirm=The site's data in %1 will be deleted for good, including the queue database and its backups. Continue?

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:DesktopGroup}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; One Start-menu shortcut per workstation role (the role can also be fixed in the settings file).
Name: "{group}\P4 Desk — Loket"; Filename: "{app}\{#AppExe}"; Parameters: "--role counter"; WorkingDir: "{app}"
Name: "{group}\P4 Desk — Kiosk"; Filename: "{app}\{#AppExe}"; Parameters: "--role kiosk"; WorkingDir: "{app}"
Name: "{group}\P4 Desk — Layar Antrian"; Filename: "{app}\{#AppExe}"; Parameters: "--role display"; WorkingDir: "{app}"
Name: "{group}\P4 Desk — Supervisor"; Filename: "{app}\{#AppExe}"; Parameters: "--role supervisor"; WorkingDir: "{app}"
Name: "{group}\P4 Desk — Survei"; Filename: "{app}\{#AppExe}"; Parameters: "--role survey"; WorkingDir: "{app}"
Name: "{group}\P4 Desk — Admin"; Filename: "{app}\{#AppExe}"; Parameters: "--role admin"; WorkingDir: "{app}"
Name: "{group}\P4 Desk — Pemeriksaan Sistem"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" selftest"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\P4 Desk"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#CliExe}"; Parameters: "selftest"; Flags: runhidden nowait skipifsilent unchecked; Description: "Jalankan pemeriksaan sistem"

[UninstallDelete]
; Only what the program itself left in its own folder; the site's data is handled below.
Type: filesandordirs; Name: "{app}\__pycache__"

[Code]
var
  RemoveData: Boolean;

// The uninstaller keeps the site's data (embedded database, backups, logs, settings) unless
// the user asks for its removal. The question defaults to "No"; a second confirmation names
// the folder. A PostgreSQL server's data is never touched.
function InitializeUninstall(): Boolean;
begin
  RemoveData := False;
  if not UninstallSilent() then
    if MsgBox(CustomMessage('RemoveData') + '?', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
      RemoveData := MsgBox(FmtMessage(CustomMessage('RemoveDataConfirm'), [ExpandConstant('{#DataDir}')]),
                           mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // platformdirs folders of this Windows user: data, settings and logs all live under DataDir.
  if (CurUninstallStep = usPostUninstall) and RemoveData then
    DelTree(ExpandConstant('{#DataDir}'), True, True, True);
end;
