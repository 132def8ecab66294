### errmap's own Simplified Chinese translations of the GitHub OAuth errors
### (mappings/github-oauth.toml). GitHub writes English only; these lines are ours.

github-oauth-application_suspended = 你的应用已被暂停。请联系 support@github.com。
github-oauth-redirect_uri_mismatch = redirect_uri 必须与此应用注册的回调 URL 一致。
github-oauth-access_denied = 用户拒绝了你的应用的访问请求。
github-oauth-incorrect_client_credentials = 传入的 client_id 和/或 client_secret 不正确。
github-oauth-bad_verification_code = 传入的授权码不正确或已过期。
github-oauth-unverified_user_email = 用户必须拥有已验证的主邮箱。
github-oauth-bad_refresh_token = 刷新令牌无效或已过期。请通过网页流程或设备流程重新登录。
github-oauth-authorization_pending = 用户尚未输入设备代码。请按给定的间隔继续轮询。
github-oauth-slow_down = 轮询过于频繁。请等待响应中给出的间隔后再轮询。
github-oauth-expired_token = 设备代码已过期。请重新申请设备代码。
github-oauth-unsupported_grant_type = 为设备流程轮询令牌时，授权类型必须为 urn:ietf:params:oauth:grant-type:device_code。
github-oauth-incorrect_device_code = 设备代码无效。
github-oauth-device_flow_disabled = 此应用的设置中未启用设备流程。
