using Disclosure.Storage.Modules;

namespace Disclosure.Storage.Ledger;

/// <summary>Names every action of the 台账 in zh-CN: the kernel's own and those of the installed modules.</summary>
public sealed class LedgerActionNames(IEnumerable<IDisclosureModule> modules)
{
    /// <summary>An action this build does not know (a newer node wrote it): named as such, never shown as a bare code.</summary>
    public const string Unknown = "其他操作";

    public string DisplayName(string action) =>
        LedgerActions.KernelName(action)
        ?? modules.Select(m => m.LedgerActionName(action)).FirstOrDefault(name => name is not null)
        ?? Unknown;
}
