<#
.SYNOPSIS
    Turns the cmdlet help sources in module/help/*.md into the MAML file PowerShell reads
    (en-US/ShopifyPS.dll-Help.xml). platyPS is not available here, so this is our own small converter.
.DESCRIPTION
    Text comes from the markdown (synopsis, description, examples, parameter descriptions, notes);
    syntax, parameter types, positions, aliases and pipeline input come from the built cmdlets
    themselves, so the help can never disagree with the code. A cmdlet without a help file, a
    parameter without a description or a help file without an example stops the build.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $HelpSource,
    [Parameter(Mandatory)] [string] $Destination
)
$ErrorActionPreference = 'Stop'

$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters +
    [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$shouldProcessText = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Read-HelpSource([string] $path) {
    # Splits the markdown into '## SECTION' blocks and, inside EXAMPLES and PARAMETERS, '### item' blocks.
    $help = @{ Sections = @{}; Examples = [System.Collections.Generic.List[object]]::new(); Parameters = @{} }
    $section = $null; $item = $null; $buffer = [System.Text.StringBuilder]::new()
    $flush = {
        $text = $buffer.ToString().Trim()
        if ($section -eq 'EXAMPLES' -and $item) { $help.Examples.Add([pscustomobject]@{ Title = $item; Text = $text }) }
        elseif ($section -eq 'PARAMETERS' -and $item) { $help.Parameters[$item.TrimStart('-')] = $text }
        elseif ($section -and -not $item) { $help.Sections[$section] = $text }
        [void]$buffer.Clear()
    }
    $inCode = $false
    foreach ($line in Get-Content -LiteralPath $path -Encoding utf8) {
        if ($line.StartsWith('```')) { $inCode = -not $inCode }
        if (-not $inCode -and $line -match '^## (.+)$') { & $flush; $section = $Matches[1].Trim().ToUpperInvariant(); $item = $null; continue }
        if (-not $inCode -and $line -match '^### (.+)$') { & $flush; $item = $Matches[1].Trim(); continue }
        if (-not $inCode -and $line -match '^# ') { continue }
        [void]$buffer.AppendLine($line)
    }
    & $flush
    $help
}

function Split-Example([string] $text) {
    # The first fenced block is the code; everything after it is the remarks.
    if ($text -match '(?s)```[a-zA-Z]*\r?\n(.*?)\r?\n```(.*)$') { return $Matches[1], $Matches[2].Trim() }
    return '', $text
}

function Write-Paragraphs([System.Xml.XmlWriter] $w, [string] $text) {
    foreach ($para in ($text -split '(\r?\n){2,}' | Where-Object { $_.Trim() })) {
        $w.WriteElementString('maml', 'para', $ns.maml, ($para -replace '\s*\r?\n\s*', ' ').Trim())
    }
}

function Get-PipelineText($attribute) {
    $kinds = @()
    if ($attribute.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($attribute.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter([System.Xml.XmlWriter] $w, $parameter, $setParameter, [string] $description) {
    $isSwitch = $parameter.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $attribute = if ($setParameter) { $setParameter } else { $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1 }
    $position = if ($attribute.Position -ge 0) { "$($attribute.Position)" } else { 'named' }
    $required = if ($attribute.IsMandatory -or $attribute.Mandatory) { 'true' } else { 'false' }
    $w.WriteStartElement('command', 'parameter', $ns.command)
    $w.WriteAttributeString('required', $required)
    $w.WriteAttributeString('variableLength', 'true')
    $w.WriteAttributeString('globbing', [string][bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }))
    $w.WriteAttributeString('pipelineInput', (Get-PipelineText $attribute))
    $w.WriteAttributeString('position', $position)
    $w.WriteAttributeString('aliases', $(if ($parameter.Aliases.Count) { $parameter.Aliases -join ', ' } else { 'none' }))
    $w.WriteElementString('maml', 'name', $ns.maml, $parameter.Name)
    $w.WriteStartElement('maml', 'description', $ns.maml); Write-Paragraphs $w $description; $w.WriteEndElement()
    $typeName = $parameter.ParameterType.Name
    if (-not $isSwitch) {
        $w.WriteStartElement('command', 'parameterValue', $ns.command)
        $w.WriteAttributeString('required', 'true'); $w.WriteAttributeString('variableLength', 'false')
        $w.WriteString($typeName); $w.WriteEndElement()
    }
    if ($parameter.ParameterType.IsEnum) {
        $w.WriteStartElement('command', 'parameterValueGroup', $ns.command)
        foreach ($value in [enum]::GetNames($parameter.ParameterType)) {
            $w.WriteStartElement('command', 'parameterValue', $ns.command)
            $w.WriteAttributeString('required', 'false'); $w.WriteAttributeString('variableLength', 'false')
            $w.WriteString($value); $w.WriteEndElement()
        }
        $w.WriteEndElement()
    }
    $w.WriteStartElement('dev', 'type', $ns.dev); $w.WriteElementString('maml', 'name', $ns.maml, $parameter.ParameterType.FullName); $w.WriteEndElement()
    $w.WriteElementString('dev', 'defaultValue', $ns.dev, 'None')
    $w.WriteEndElement()
}

$module = Import-Module $ModuleManifest -PassThru -Force
$problems = [System.Collections.Generic.List[string]]::new()
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force -Path (Split-Path $Destination)
$w = [System.Xml.XmlWriter]::Create($Destination, $settings)
$w.WriteStartDocument()
$w.WriteStartElement('helpItems', 'http://msh'); $w.WriteAttributeString('schema', 'maml')
foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $source = Join-Path $HelpSource "$($command.Name).md"
    if (-not (Test-Path $source)) { $problems.Add("$($command.Name): no help source $source"); continue }
    $help = Read-HelpSource $source
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION') {
        if (-not $help.Sections[$required]) { $problems.Add("$($command.Name): the help has no $required") }
    }
    if ($help.Examples.Count -eq 0) { $problems.Add("$($command.Name): the help has no example") }
    $parameters = $command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters -or $_.Name -in 'WhatIf', 'Confirm' }
    $descriptions = @{}
    foreach ($parameter in $parameters) {
        $text = $help.Parameters[$parameter.Name]
        if (-not $text) { $text = $shouldProcessText[$parameter.Name] }
        if (-not $text) { $problems.Add("$($command.Name): parameter -$($parameter.Name) has no description") }
        $descriptions[$parameter.Name] = $text
    }
    foreach ($documented in $help.Parameters.Keys) {
        if (-not $command.Parameters.ContainsKey($documented)) { $problems.Add("$($command.Name): help describes -$documented, which the cmdlet does not have") }
    }

    $w.WriteStartElement('command', 'command', $ns.command)
    $w.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $w.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $w.WriteStartElement('command', 'details', $ns.command)
    $w.WriteElementString('command', 'name', $ns.command, $command.Name)
    $w.WriteElementString('command', 'verb', $ns.command, $command.Verb)
    $w.WriteElementString('command', 'noun', $ns.command, $command.Noun)
    $w.WriteStartElement('maml', 'description', $ns.maml); Write-Paragraphs $w $help.Sections['SYNOPSIS']; $w.WriteEndElement()
    $w.WriteEndElement()
    $w.WriteStartElement('maml', 'description', $ns.maml); Write-Paragraphs $w $help.Sections['DESCRIPTION']; $w.WriteEndElement()

    $w.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $command.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $ns.command)
        $w.WriteElementString('maml', 'name', $ns.maml, $command.Name)
        foreach ($setParameter in $set.Parameters | Where-Object { $_.Name -notin $commonParameters -or $_.Name -in 'WhatIf', 'Confirm' }) {
            Write-Parameter $w $command.Parameters[$setParameter.Name] $setParameter $descriptions[$setParameter.Name]
        }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $parameters | Sort-Object Name) { Write-Parameter $w $parameter $null $descriptions[$parameter.Name] }
    $w.WriteEndElement()

    $w.WriteStartElement('command', 'inputTypes', $ns.command)
    $inputs = $parameters | Where-Object { $_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and ($_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName) } }
    foreach ($type in $inputs.ParameterType.FullName | Sort-Object -Unique) {
        $w.WriteStartElement('command', 'inputType', $ns.command); $w.WriteStartElement('dev', 'type', $ns.dev)
        $w.WriteElementString('maml', 'name', $ns.maml, $type); $w.WriteEndElement(); $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteStartElement('command', 'returnValues', $ns.command)
    foreach ($type in $command.OutputType.Name | Sort-Object -Unique) {
        $w.WriteStartElement('command', 'returnValue', $ns.command); $w.WriteStartElement('dev', 'type', $ns.dev)
        $w.WriteElementString('maml', 'name', $ns.maml, $type); $w.WriteEndElement(); $w.WriteEndElement()
    }
    $w.WriteEndElement()
    if ($help.Sections['NOTES']) {
        $w.WriteStartElement('maml', 'alertSet', $ns.maml); $w.WriteStartElement('maml', 'alert', $ns.maml)
        Write-Paragraphs $w $help.Sections['NOTES']; $w.WriteEndElement(); $w.WriteEndElement()
    }
    $w.WriteStartElement('command', 'examples', $ns.command)
    foreach ($example in $help.Examples) {
        $code, $remarks = Split-Example $example.Text
        if (-not $code) { $problems.Add("$($command.Name): example '$($example.Title)' has no code block") }
        $w.WriteStartElement('command', 'example', $ns.command)
        $w.WriteElementString('maml', 'title', $ns.maml, "-------------------------- $($example.Title) --------------------------")
        $w.WriteElementString('dev', 'code', $ns.dev, $code)
        $w.WriteStartElement('dev', 'remarks', $ns.dev); Write-Paragraphs $w $remarks; $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteEndElement()
}
$w.WriteEndElement()
$w.WriteEndDocument()
$w.Close()

if ($problems.Count) {
    throw "Cmdlet help is incomplete:`n  " + ($problems -join "`n  ")
}
