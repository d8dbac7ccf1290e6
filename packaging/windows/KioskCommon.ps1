# Shared by Install-KioskAssignedAccess.ps1 and Remove-KioskAssignedAccess.ps1 (dot-sourced).
# UNTESTED HERE: see README.md.

$InstallDir = Join-Path $env:ProgramFiles "certkiosk\kiosk"
$KioskExe = Join-Path $InstallDir "kiosk.exe"
$DataDir = Join-Path $env:ProgramData "certkiosk\data"
# The local standard account Assigned Access creates for <AutoLogonAccount>.
$KioskAccount = "kioskUser0"
$ProfileId = "{6F1C2B7E-3C1D-4B8A-9E5F-2A7D4C9B1E03}"

function Assert-System {
    $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    if (-not $identity.IsSystem) {
        throw "run as SYSTEM: psexec.exe -i -s powershell.exe -ExecutionPolicy Bypass -File <this script>"
    }
}

function New-KioskConfiguration {
    # The Assigned Access XML: one desktop-app kiosk profile for the autologon account.
    param([string] $ExePath, [string] $Arguments, [string] $DisplayName)
    $app = [System.Security.SecurityElement]::Escape($ExePath)
    $appArgs = [System.Security.SecurityElement]::Escape($Arguments)
    $name = [System.Security.SecurityElement]::Escape($DisplayName)
    return @"
<?xml version="1.0" encoding="utf-8"?>
<AssignedAccessConfiguration
    xmlns="http://schemas.microsoft.com/AssignedAccess/2017/config"
    xmlns:rs5="http://schemas.microsoft.com/AssignedAccess/201810/config"
    xmlns:v4="http://schemas.microsoft.com/AssignedAccess/2021/config">
  <Profiles>
    <Profile Id="$ProfileId">
      <KioskModeApp v4:ClassicAppPath="$app" v4:ClassicAppArguments="$appArgs" />
    </Profile>
  </Profiles>
  <Configs>
    <Config>
      <AutoLogonAccount rs5:DisplayName="$name" />
      <DefaultProfile Id="$ProfileId" />
    </Config>
  </Configs>
</AssignedAccessConfiguration>
"@
}

function Set-PrivateAcl {
    # Inheritance off; the account may modify, SYSTEM and Administrators have full control.
    param([string] $Path, [string] $Account)
    $acl = New-Object System.Security.AccessControl.DirectorySecurity
    $acl.SetAccessRuleProtection($true, $false)
    $inherit = [System.Security.AccessControl.InheritanceFlags]"ContainerInherit, ObjectInherit"
    $none = [System.Security.AccessControl.PropagationFlags]::None
    foreach ($rule in @(
            @("NT AUTHORITY\SYSTEM", "FullControl"),
            @("BUILTIN\Administrators", "FullControl"),
            @("$env:COMPUTERNAME\$Account", "Modify"))) {
        $acl.AddAccessRule((New-Object System.Security.AccessControl.FileSystemAccessRule(
                    $rule[0], $rule[1], $inherit, $none, "Allow")))
    }
    $acl.SetOwner((New-Object System.Security.Principal.NTAccount("BUILTIN\Administrators")))
    Set-Acl -Path $Path -AclObject $acl
}

function Set-KioskUserPolicies {
    # Ctrl+Alt+Del options for the kiosk account only: its hive is loaded, changed, unloaded.
    param([string] $Hive, [bool] $Enable)
    $mount = "HKU\certkiosk-kiosk"
    & reg.exe load $mount $Hive | Out-Null
    try {
        $system = "Registry::$mount\Software\Microsoft\Windows\CurrentVersion\Policies\System"
        $explorer = "Registry::$mount\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer"
        if ($Enable) {
            New-Item -Force -Path $system, $explorer | Out-Null
            foreach ($name in "DisableTaskMgr", "DisableLockWorkstation", "DisableChangePassword") {
                Set-ItemProperty -Path $system -Name $name -Type DWord -Value 1
            }
            Set-ItemProperty -Path $explorer -Name "NoLogoff" -Type DWord -Value 1
        } else {
            foreach ($name in "DisableTaskMgr", "DisableLockWorkstation", "DisableChangePassword") {
                Remove-ItemProperty -Path $system -Name $name -ErrorAction SilentlyContinue
            }
            Remove-ItemProperty -Path $explorer -Name "NoLogoff" -ErrorAction SilentlyContinue
        }
    } finally {
        [System.GC]::Collect()
        & reg.exe unload $mount | Out-Null
    }
}
