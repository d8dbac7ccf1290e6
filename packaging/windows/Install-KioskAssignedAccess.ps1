<#
.SYNOPSIS
  Make a Windows 11 PC a certkiosk exam kiosk with Assigned Access (single-app kiosk).

.DESCRIPTION
  UNTESTED HERE (written and reviewed on Linux; try it on a spare PC first, see README.md).
  Must run as SYSTEM (the MDM WMI bridge refuses administrators), e.g.
    psexec.exe -i -s powershell.exe -ExecutionPolicy Bypass -File Install-KioskAssignedAccess.ps1 -Bundle D:\dist\kiosk
  Steps, each skipped when already done (safe to run again; -WhatIf prints them only):
    1. copies the PyInstaller bundle to %ProgramFiles%\certkiosk\kiosk (read-only to users);
    2. applies an Assigned Access configuration: one KioskModeApp profile running kiosk.exe full
       screen above the lock screen, restarted by Windows when it exits, for an autologon
       account that Assigned Access creates and manages (a local standard user, kioskUser0);
    3. creates the data folder %ProgramData%\certkiosk\data, inheritance off, modifiable only by
       that account, SYSTEM and Administrators;
    4. once the account has signed in once (run the script again then): Task Manager, Lock,
       Change password and Sign out removed from its Ctrl+Alt+Del screen (per-user policy).
  Remove-KioskAssignedAccess.ps1 undoes it.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string] $Bundle = "",
    [ValidateSet("fr", "en")] [string] $Lang = "fr",
    [string] $DisplayName = "Examen certkiosk"
)
$ErrorActionPreference = "Stop"
. (Join-Path $PSScriptRoot "KioskCommon.ps1")

Assert-System

if ($Bundle) {
    if (-not (Test-Path (Join-Path $Bundle "kiosk.exe"))) { throw "$Bundle\kiosk.exe not found: build it with make dist on Windows" }
    if ($PSCmdlet.ShouldProcess($InstallDir, "install the kiosk bundle from $Bundle")) {
        New-Item -ItemType Directory -Force -Path (Split-Path $InstallDir) | Out-Null
        if (Test-Path $InstallDir) { Remove-Item -Recurse -Force $InstallDir }
        Copy-Item -Recurse -Path $Bundle -Destination $InstallDir
    }
} elseif (-not (Test-Path $KioskExe)) {
    throw "no kiosk installed in $InstallDir yet: pass -Bundle <dist\kiosk>"
}

$arguments = "--data-dir `"$DataDir`" --lang $Lang"
$config = New-KioskConfiguration -ExePath $KioskExe -Arguments $arguments -DisplayName $DisplayName
if ($PSCmdlet.ShouldProcess("MDM_AssignedAccess", "apply the single-app kiosk configuration for $KioskExe $arguments")) {
    $bridge = Get-CimInstance -Namespace "root\cimv2\mdm\dmmap" -ClassName "MDM_AssignedAccess"
    $bridge.Configuration = [System.Net.WebUtility]::HtmlEncode($config)
    Set-CimInstance -CimInstance $bridge | Out-Null
}

if ($PSCmdlet.ShouldProcess($DataDir, "create the data folder, modifiable only by $KioskAccount, SYSTEM and Administrators")) {
    New-Item -ItemType Directory -Force -Path $DataDir | Out-Null
    $account = Get-LocalUser -Name $KioskAccount -ErrorAction SilentlyContinue
    if ($null -eq $account) {
        Write-Warning "$KioskAccount does not exist yet; run this script again after the first kiosk sign-in to set the folder's permissions"
    } else {
        Set-PrivateAcl -Path $DataDir -Account $KioskAccount
    }
}

$hive = Join-Path $env:SystemDrive "Users\$KioskAccount\NTUSER.DAT"
if (Test-Path $hive) {
    if ($PSCmdlet.ShouldProcess("$KioskAccount's registry", "remove Task Manager, Lock, Change password and Sign out from Ctrl+Alt+Del")) {
        Set-KioskUserPolicies -Hive $hive -Enable $true
    }
} else {
    Write-Warning "$KioskAccount has not signed in yet: run this script again after its first sign-in to disable Task Manager for it"
}
Write-Output "certkiosk: Assigned Access configured; restart the PC to start the kiosk."
