// Package clients holds no code of ecslaunch: its tests drive the sandbox
// with real Alibaba Cloud clients that the program itself does not use, so
// they stay out of the binary: the V2.0 Go SDK
// (github.com/alibabacloud-go/ecs-20140526/v7, ACS3-HMAC-SHA256) and the
// aliyun CLI 3.4.11 (signature v1), over HTTP and over HTTPS with the
// sandbox's local CA.
package clients
