; Inno Setup 6 script: the Windows installer of IOK Desktop (iok-desktop-setup-<version>.exe).
;
; Built by `py packaging\build.py --installer` after PyInstaller has made dist\iok-desktop\, which passes
;   /DAppVersion=<iok_desktop.__version__> /DSourceDir=<dist\iok-desktop> /DOutputDir=<dist>
; By hand (from the source tree, after `py packaging\build.py`):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\iok-desktop.iss
;
; It installs for all users into C:\Program Files\IOK Desktop, with Start-menu entries for the clerk
; application and the kiosk, and optionally a desktop shortcut. It never touches the database or the
; users' settings; uninstalling leaves them too. See packaging/README.md for the kiosk account.
; Saved as UTF-8 with a byte-order mark: Inno Setup reads Polish letters only so.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\iok-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; The AppId identifies the application for upgrades and uninstalling: never change it.
AppId={{F1A7FCF1-4CF3-4021-B76D-6EAC52F003BA}
AppName=IOK Desktop
AppVersion={#AppVersion}
AppVerName=IOK Desktop {#AppVersion}
AppPublisher=IOK Desktop
DefaultDirName={autopf}\IOK Desktop
DefaultGroupName=IOK Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=iok-desktop-setup-{#AppVersion}
SetupIconFile={#SourceDir}\iok-desktop.ico
UninstallDisplayIcon={app}\iok-desktop.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running copy would keep its files locked: ask to close it.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "polish"; MessagesFile: "compiler:Languages\Polish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's own folder as a whole (no stale modules of an older version).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\IOK Desktop"; Filename: "{app}\iok-desktop.exe"; WorkingDir: "{app}"
Name: "{group}\IOK Desktop — kiosk"; Filename: "{app}\iok-desktop.exe"; Parameters: "--kiosk"; WorkingDir: "{app}"
Name: "{group}\Wiersz poleceń IOK Desktop"; Filename: "{cmd}"; Parameters: "/k cd /d ""{app}"" && iok-desktop-cli.exe --help"; WorkingDir: "{app}"
Name: "{autodesktop}\IOK Desktop"; Filename: "{app}\iok-desktop.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\iok-desktop.exe"; Description: "{cm:LaunchProgram,IOK Desktop}"; Flags: nowait postinstall skipifsilent
