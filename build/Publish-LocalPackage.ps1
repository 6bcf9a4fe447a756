<#
.SYNOPSIS
    Writes the built module as a .nupkg into a folder that Install-PSResource can use as a repository.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Feed
)
$ErrorActionPreference = 'Stop'
$repository = "ShopifyPSBuild$PID"
Register-PSResourceRepository -Name $repository -Uri $Feed -Trusted
try {
    Publish-PSResource -Path $ModulePath -Repository $repository -SkipDependenciesCheck
}
finally {
    Unregister-PSResourceRepository -Name $repository
}
