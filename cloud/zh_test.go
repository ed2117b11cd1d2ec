package cloud

import (
	"errors"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// The no-credentials line and the hints are said in the language chosen
// when they are printed (ErrNoCredentials is made before it is chosen),
// and ErrNoCredentials is still the value errors.Is looks for.
func TestNoCredentialsAndHintsInChinese(t *testing.T) {
	_, err := Resolve(Config{ConfigPath: t.TempDir() + "/none.json", Getenv: func(string) string { return "" }})
	if !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("Resolve: %v", err)
	}
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	if !strings.HasPrefix(err.Error(), "未找到阿里云凭证") || !strings.Contains(err.Error(), "--sandbox") {
		t.Errorf("zh: %q", err)
	}
	if h := Hint("Throttling.User"); h != "请求过多：请稍等一分钟后重试" {
		t.Errorf("hint: %q", h)
	}
	i18n.Set(i18n.English)
	if !strings.HasPrefix(err.Error(), "no Alibaba Cloud credentials found") || Hint("Throttling.User") != "too many requests: wait a minute and try again" {
		t.Errorf("en: %q, %q", err, Hint("Throttling.User"))
	}
}
