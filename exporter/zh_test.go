package exporter

import (
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// In Chinese the notes are Chinese with the parameter names, the flags
// and a ${NAME} reference as written; the exported text itself does not
// change with the language (it is a file people share and diff).
func TestNotesInChineseKeepNamesAndTheTextStays(t *testing.T) {
	req := fullRequest(t)
	en, err := Export(req, LaunchTemplate, Options{})
	if err != nil {
		t.Fatal(err)
	}
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	zh, err := Export(req, LaunchTemplate, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if zh.Text != en.Text {
		t.Errorf("the launch-template command changed with the language:\n%s\nvs\n%s", zh.Text, en.Text)
	}
	all := strings.Join(zh.Notes, "\n")
	for _, want := range []string{"Password：启动模板从不保存密码", `--Password "${ECS_PASSWORD}"`, "Amount：模板不保存数量：请在启动时给出（RunInstances --Amount）"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
	if len(zh.Notes) != len(en.Notes) {
		t.Errorf("%d notes in Chinese, %d in English", len(zh.Notes), len(en.Notes))
	}
	if _, _, err := ImportCLI("aliyun ecs RunInstances --Bogus 1"); err == nil || !strings.Contains(err.Error(), "--Bogus：未知选项") {
		t.Errorf("import error: %v", err)
	}
}
