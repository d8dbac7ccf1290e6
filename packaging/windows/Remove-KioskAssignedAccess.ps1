<#
.SYNOPSIS
  Undo Install-KioskAssignedAccess.ps1 without the kiosk's help.

.DESCRIPTION
  UNTESTED HERE (see README.md). Run as SYSTEM from an administrator's session (sign in as an
  administrator: with the default breakout sequence, Ctrl+Alt+Del on the kiosk shows the
  sign-in screen), e.g.
    psexec.exe -i -s powershell.exe -ExecutionPolicy Bypass -File Remove-KioskAssignedAccess.ps1
  Clears the Assigned Access configuration (Windows then stops signing the kiosk account in),
  removes its Ctrl+Alt+Del policies and the program folder. The data folder (attempts not yet
  exported) is kept unless -Purge. -WhatIf prints the steps only.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param([switch] $Purge)
$ErrorActionPreference = "Stop"
. (Join-Path $PSScriptRoot "KioskCommon.ps1")

Assert-System

if ($PSCmdlet.ShouldProcess("MDM_AssignedAccess", "clear the kiosk configuration")) {
    $bridge = Get-CimInstance -Namespace "root\cimv2\mdm\dmmap" -ClassName "MDM_AssignedAccess"
    $bridge.Configuration = $null
    Set-CimInstance -CimInstance $bridge | Out-Null
}
$hive = Join-Path $env:SystemDrive "Users\$KioskAccount\NTUSER.DAT"
if ((Test-Path $hive) -and $PSCmdlet.ShouldProcess("$KioskAccount's registry", "restore the Ctrl+Alt+Del options")) {
    Set-KioskUserPolicies -Hive $hive -Enable $false
}
if ((Test-Path $InstallDir) -and $PSCmdlet.ShouldProcess($InstallDir, "remove the kiosk program")) {
    Remove-Item -Recurse -Force (Split-Path $InstallDir)
}
if ($Purge) {
    if ((Test-Path $DataDir) -and $PSCmdlet.ShouldProcess($DataDir, "delete the kiosk's data")) {
        Remove-Item -Recurse -Force (Split-Path $DataDir)
    }
    if ((Get-LocalUser -Name $KioskAccount -ErrorAction SilentlyContinue) -and
        $PSCmdlet.ShouldProcess($KioskAccount, "delete the kiosk account")) {
        Remove-LocalUser -Name $KioskAccount
    }
} else {
    Write-Output "certkiosk: kept the kiosk's data in $DataDir; export it, then run again with -Purge"
}
Write-Output "certkiosk: Assigned Access removed; restart the PC."
