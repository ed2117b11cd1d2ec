package rules

// onlineRows are the docs/rules.md rows ValidateOnline checks through the
// Catalog (see online.go). With Rules() and notChecked they must account
// for every row of docs/rules.md (coverage_test.go reads the file).
var onlineRows = []string{"T1-1", "T1-3", "T1-4", "T1-6", "T1-7", "T1-8", "T1-11", "T1-12", "T1-13", "T1-14",
	"T1-15", "T1-34", "T1-36", "T1-37", "T1-41", "T1-45", "T1-55", "T1-56", "T1-63", "T1-89", "T1-90", "T2-15", "T2-32"}

// notChecked says, for every docs/rules.md row that no rule implements and
// no online check covers, why: a reviewer can see that nothing was
// forgotten. A row a rule covers only in part may be here too (T1-43).
var notChecked = map[string]string{
	"T1-18": "network type (classic vs VPC) is not known offline and classic networks are retired",
	"T1-26": "UniqueSuffix has no error of its own; its Boolean type is checked, its effect in T1-27/T1-28",
	"T1-43": "needs the snapshot's size, which the Catalog does not provide; the API ignores Size with SnapshotId",
	"T1-44": "needs snapshot data, which the Catalog does not provide",
	"T1-51": "DeleteWithInstance has only its Boolean type to check offline",
	"T1-59": "RAM roles are not in the Catalog",
	"T1-67": "deployment sets are not in the Catalog",
	"T1-68": "dedicated hosts are not in the Catalog; their effect on spot rules is in T1-62/T1-63",
	"T1-73": "HPC clusters are not in the Catalog",
	"T1-74": "resource groups are not in the Catalog",
	"T1-75": "templates are not in the Catalog; their effect on required parameters is in T1-2/T1-5/T1-7",
	"T1-83": "AutoRenew only takes effect for PrePaid; nothing to reject beyond its Boolean type",
	"T1-91": "DryRun has only its Boolean type to check",
	"T1-95": "quotas and account state are known only to the API",
	"T1-96": "InternalError is a server failure, not a rule",
	"T2-24": "payment methods are account state",
	"T2-33": "burstable types are not marked in the Catalog facts",
	"T2-35": "response shape, not a rule",
	"T2-36": "quota and throttling errors are known only to the API",
	"T2-37": "DryRun.InvalidAmount is decided by the API's stock",
	"T2-38": "asynchronous behaviour, not a rule",
	"T2-39": "lists rules that did not change (cited by the rules they confirm)",
}
