### errmap's own Simplified Chinese translations of the Google OAuth errors
### (mappings/google-oauth.toml). Google's wire texts are English; these lines are ours.

google-oauth-admin_policy_enforced = Google Workspace 管理员的策略不允许此账号授权所请求的范围。
google-oauth-disallowed_useragent = Google 不允许在内嵌浏览器（WebView）中登录。请在浏览器中打开登录页面。
google-oauth-org_internal = 此客户端仅限其组织内的用户使用。
google-oauth-invalid_client = OAuth 客户端无效，或其密钥不正确。
google-oauth-deleted_client = 该 OAuth 客户端已被删除。
google-oauth-disabled_client = 该 OAuth 客户端已被停用。
google-oauth-invalid_grant = 授权码或刷新令牌无效、已过期或已被撤销。
google-oauth-redirect_uri_mismatch = 重定向 URI 与该 OAuth 客户端已授权的重定向 URI 不匹配。
google-oauth-origin_mismatch = 请求来自未被授权为该 OAuth 客户端 JavaScript 来源的源。
google-oauth-invalid_request = 授权请求格式有误或违反了 Google 的 OAuth 政策。
google-oauth-access_denied = 用户未授予所请求的访问权限。
google-oauth-unauthorized_client = 客户端无权使用此方式获取访问令牌，或客户端未获准使用所请求的任何范围。
google-oauth-invalid_scope = 提供的 OAuth 范围或 ID 令牌受众无效。
google-oauth-access_not_configured = 此应用的项目尚未配置访问权限。
google-oauth-invalid_dpop_proof = DPoP 证明无效。
google-oauth-use_dpop_nonce = DPoP 证明必须携带服务器给出的 nonce。
google-oauth-popup_failed_to_open = 弹出窗口无法打开。
google-oauth-popup_closed = 流程完成之前弹出窗口已被关闭。
google-oauth-missing_required_parameter = 缺少必需的参数。
google-oauth-unknown = 未知错误。
