package forms

import (
	"testing"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Every step's name and step-bar label has its Chinese text: they are
// shown through StepDef.Title and Label, which i18ncheck cannot see.
func TestEveryStepNameHasItsChineseText(t *testing.T) {
	for _, d := range append(Registry(), askDef) {
		for _, s := range []string{d.Name, d.Short} {
			if !i18n.Has(s) {
				t.Errorf("step %d: no Chinese text for %q", d.ID, s)
			}
		}
	}
}

// In Chinese a step's title and a field's title are Chinese; its ID and
// key stay the English ones.
func TestStepTitlesFollowTheLanguage(t *testing.T) {
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	if got := Storage.String(); got != "存储" {
		t.Errorf("Storage.String() = %q in Chinese", got)
	}
	if got := Def(Access).Name; got != "Access & naming" {
		t.Errorf("Def(Access).Name = %q: the key must stay English", got)
	}
	d := NewDraft(nil, &Env{})
	fs := Fields(Storage, d, d.Env)
	if len(fs) == 0 || fs[0].Title != "系统盘类型" || fs[0].Key != "SystemDisk.Category" {
		t.Errorf("first Storage field = %+v", fs[0])
	}
}
