package launcher

import (
	"errors"
	"strings"
	"testing"

	"github.com/ecslaunch/ecslaunch/i18n"
)

// Launch progress, DryRun verdicts and resume refusals read in Chinese
// with the API's names (RunInstances, ClientToken, the codes) as they are;
// the package's errors are still the same values.
func TestLauncherSpeaksChinese(t *testing.T) {
	i18n.Set(i18n.Chinese)
	defer i18n.Set(i18n.English)
	for ev, want := range map[string]string{
		RenderEvent(Event{Kind: Attempt, Attempt: 1, MaxAttempts: 8}):                                                                       "RunInstances：第 1 次尝试，共 8 次",
		RenderEvent(Event{Kind: TokenReserved, Token: "t-1", Needs: []string{"ECS_PASSWORD"}}):                                              "ClientToken t-1 已记入启动历史（恢复时需要设置 ECS_PASSWORD）",
		RenderEvent(Event{Kind: Failed, Err: "x", Pending: true}):                                                                           "启动未得到确认（x）；保持待定：`ecslaunch launch --resume` 会用同一个 ClientToken 重新发送",
		DryRunResult{Code: "InvalidVSwitchId.NotFound", HTTPStatus: 404, Parameter: "VSwitchId", Explanation: "e", RequestID: "r"}.String(): "DryRun 未通过：VSwitchId 出现 InvalidVSwitchId.NotFound (HTTP 404)：e (RequestId r)",
		Target{Kind: TargetLive, Region: "cn-hangzhou", Identity: "ak:LTAI…x9Qz"}.String():                                                  "线上 API，地域 cn-hangzhou，身份 ak:LTAI…x9Qz",
		Target{Kind: TargetEndpoint, Endpoint: "127.0.0.1:1"}.Differs(Target{Kind: TargetEndpoint, Endpoint: "127.0.0.1:2"}):                "它当初发往接入点 127.0.0.1:1，而不是 127.0.0.1:2",
	} {
		if ev != want {
			t.Errorf("got  %q\nwant %q", ev, want)
		}
	}
	if !errors.Is(ErrWaitTimeout, ErrWaitTimeout) || ErrWaitTimeout.Error() != "等待实例运行超时" {
		t.Errorf("ErrWaitTimeout: %q", ErrWaitTimeout)
	}
	i18n.Set(i18n.English)
	if !strings.HasPrefix(ErrWaitTimeout.Error(), "timed out waiting") {
		t.Errorf("ErrWaitTimeout in English: %q", ErrWaitTimeout)
	}
}
