### errmap's Simplified Chinese translations of the OpenID Connect error definitions
### (mappings/oidc.toml).

oidc-interaction_required = 授权服务器需要最终用户进行某种交互才能继续。
oidc-login_required = 授权服务器要求最终用户进行身份认证。
oidc-account_selection_required = 最终用户必须在授权服务器上选择一个会话。
oidc-consent_required = 授权服务器需要最终用户的同意。
oidc-invalid_request_uri = 授权请求中的 request_uri 返回了错误或包含无效数据。
oidc-invalid_request_object = request 参数包含无效的请求对象（Request Object）。
oidc-request_not_supported = OP 不支持使用第 6 节定义的 request 参数。
oidc-request_uri_not_supported = OP 不支持使用第 6 节定义的 request_uri 参数。
oidc-registration_not_supported = OP 不支持使用第 7.2.2 节定义的 registration 参数。
