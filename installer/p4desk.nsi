; NSIS 3 script for the P4 Desk Windows installer (model: MusicBrainz Picard's installer).
; Built by `python installer/build.py --installer` (Windows), which passes:
;   -DAPP_VERSION=<version from pyproject.toml>  -DSOURCE_DIR=<dist\p4-desk>  -DOUTFILE=<setup.exe>
; and, for CI on Linux, `--installer-only --test-payload` adds -DTEST_PAYLOAD: the same script
; around a labelled stand-in for the bundle (see installer/README.md). makensis runs natively on
; Linux (Debian package nsis) and Windows.

Unicode true
!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!ifndef APP_VERSION
  !error "APP_VERSION is not defined: build with installer/build.py (it passes the package version)"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\dist\p4-desk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\P4Desk-${APP_VERSION}-setup.exe"
!endif

!define APP_NAME "P4 Desk"
!define APP_EXE "p4-desk.exe"
!define CLI_EXE "p4-desk-cli.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\P4Desk"
; platformdirs on Windows: user_data_dir("p4-desk", "P4Desk") holds data, settings and logs
!define DATA_SUBDIR "P4Desk\p4-desk"

!ifdef TEST_PAYLOAD
  Name "${APP_NAME} ${APP_VERSION} (MUATAN UJI - bukan program)"
  BrandingText "MUATAN UJI: pemasang ini tidak berisi P4 Desk"
!else
  Name "${APP_NAME} ${APP_VERSION}"
  BrandingText "${APP_NAME} ${APP_VERSION}"
!endif
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
; All users (kiosk and display PCs run under a local account): asks for elevation.
RequestExecutionLevel admin
SetCompressor /SOLID lzma
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${APP_VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "Apache-2.0"

!define MUI_ICON "..\resources\icons\p4desk.ico"
!define MUI_UNICON "..\resources\icons\p4desk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${CLI_EXE}"
!define MUI_FINISHPAGE_RUN_PARAMETERS "selftest"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunSelftest)"
!define MUI_FINISHPAGE_RUN_NOTCHECKED

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Indonesian only: everything an officer reads is Indonesian, whatever language Windows has.
!insertmacro MUI_LANGUAGE "Indonesian"

LangString SecProgram ${LANG_INDONESIAN} "Program P4 Desk"
LangString SecDesktop ${LANG_INDONESIAN} "Pintasan P4 Desk di desktop"
LangString RunSelftest ${LANG_INDONESIAN} "Jalankan pemeriksaan sistem"
LangString NeedX64 ${LANG_INDONESIAN} "P4 Desk memerlukan Windows 64-bit."
LangString RemoveData ${LANG_INDONESIAN} "Hapus juga data situs (basis data, cadangan, pengaturan, log) di komputer ini?$\r$\n$\r$\nPilih Tidak untuk menyimpannya (disarankan)."
LangString RemoveDataConfirm ${LANG_INDONESIAN} "Data situs di $0 akan dihapus permanen, termasuk basis data antrian dan cadangannya. Lanjutkan?"
LangString DataKept ${LANG_INDONESIAN} "Data situs disimpan di $0."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(NeedX64)"
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Section "!$(SecProgram)" SecProgramId
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; an upgrade replaces the bundle's libraries as a whole: no stale file of an older version
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; One Start-menu shortcut per workstation role (the role can also be fixed in settings.toml).
  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\P4 Desk — Loket.lnk" "$INSTDIR\${APP_EXE}" "--role counter" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\P4 Desk — Kiosk.lnk" "$INSTDIR\${APP_EXE}" "--role kiosk" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\P4 Desk — Layar Antrian.lnk" "$INSTDIR\${APP_EXE}" "--role display" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\P4 Desk — Supervisor.lnk" "$INSTDIR\${APP_EXE}" "--role supervisor" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\P4 Desk — Survei.lnk" "$INSTDIR\${APP_EXE}" "--role survey" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\P4 Desk — Admin.lnk" "$INSTDIR\${APP_EXE}" "--role admin" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\P4 Desk — Pemeriksaan Sistem.lnk" "$SYSDIR\cmd.exe" '/k ""$INSTDIR\${CLI_EXE}" selftest"' "$INSTDIR\${CLI_EXE}" 0
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\Copot P4 Desk.lnk" "$INSTDIR\uninstall.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${APP_VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "P4 Desk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section /o "$(SecDesktop)" SecDesktopId
  SetShellVarContext all
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

; The uninstaller removes the program and its shortcuts but keeps the site's data (embedded
; database, backups, settings, logs of the Windows user running it) unless that user answers
; Yes to the question, whose default is No, and confirms once more. A silent uninstall (/S, as
; an upgrade or a software-distribution tool runs it) never deletes data. A PostgreSQL server's
; data is never touched.
Section "Uninstall"
  SetRegView 64
  SetShellVarContext all
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"

  SetShellVarContext current
  StrCpy $0 "$LOCALAPPDATA\${DATA_SUBDIR}"
  IfSilent keep_data
  IfFileExists "$0\*.*" 0 keep_data
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(RemoveData)" IDYES confirm_removal
  Goto keep_data
  confirm_removal:
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(RemoveDataConfirm)" IDYES remove_data
    Goto keep_data
  remove_data:
    RMDir /r "$0"
    RMDir "$LOCALAPPDATA\P4Desk"
    Goto data_done
  keep_data:
    DetailPrint "$(DataKept)"
  data_done:
SectionEnd

