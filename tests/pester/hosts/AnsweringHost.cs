// A PowerShell host for tests that answers every confirmation prompt with one fixed choice and records each prompt,
// so a test can say "No" to -Confirm and prove nothing changed, or "Yes" and prove the change was made.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace ShopifyPSTests
{
    public sealed class AnsweringHost : PSHost
    {
        private readonly AnsweringUI _ui;

        public AnsweringHost(string answer) { _ui = new AnsweringUI(answer); }

        public List<string> Prompts => _ui.Prompts;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override string Name => "AnsweringHost";
        public override PSHostUserInterface UI => _ui;
        public override Version Version => new Version(1, 0);
        public override void EnterNestedPrompt() { }
        public override void ExitNestedPrompt() { }
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }
    }

    internal sealed class AnsweringUI : PSHostUserInterface
    {
        private readonly string _answer;

        public AnsweringUI(string answer) { _answer = answer; }

        public List<string> Prompts { get; } = new List<string>();
        public override PSHostRawUserInterface RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(message);
            for (var i = 0; i < choices.Count; i++)
                if (choices[i].Label.Replace("&", "").Equals(_answer, StringComparison.OrdinalIgnoreCase)) return i;
            throw new InvalidOperationException("No choice labelled " + _answer);
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new InvalidOperationException("Prompt: " + message);
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new InvalidOperationException("PromptForCredential");
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new InvalidOperationException("PromptForCredential");
        public override string ReadLine() => throw new InvalidOperationException("ReadLine");
        public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("ReadLineAsSecureString");
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteErrorLine(string value) { }
        public override void WriteLine(string value) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
    }
}
