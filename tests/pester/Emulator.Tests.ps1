# The emulator as a process: it stops on the signals its README names.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'The emulator process' -Skip:$IsWindows {
    It 'stops with exit code 0 on <_>' -ForEach @('TERM', 'INT') {
        $emulator = Start-TestEmulator
        try {
            kill "-$_" $emulator.Process.Id
            $emulator.Process.WaitForExit(30000) | Should -BeTrue -Because "SIG$_ must stop it"
            $emulator.Process.ExitCode | Should -Be 0
        }
        finally { Stop-TestEmulator $emulator }
    }
}
