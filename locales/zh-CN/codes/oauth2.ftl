### errmap's Simplified Chinese translations of the OAuth 2.0 error definitions
### (mappings/oauth2.toml).

oauth2-invalid_request = 请求缺少必需参数、包含不受支持的参数值（授权类型除外）、重复了某个参数、包含多组凭据、使用了多种客户端认证机制，或格式有其他错误。
oauth2-invalid_client = 客户端认证失败（例如客户端未知、未附带客户端认证信息，或认证方式不受支持）。
oauth2-invalid_grant = 提供的授权许可（例如授权码、资源所有者凭据）或刷新令牌无效、已过期、已被撤销、与授权请求中使用的重定向 URI 不符，或颁发给了其他客户端。
oauth2-unauthorized_client = 已认证的客户端无权使用此授权类型。
oauth2-unsupported_grant_type = 授权服务器不支持此授权类型。
oauth2-invalid_scope = 请求的 scope 无效、未知、格式错误，或超出了资源所有者授予的范围。
oauth2-access_denied = 资源所有者或授权服务器拒绝了该请求。
oauth2-unsupported_response_type = 授权服务器不支持通过此方式获取授权码。
oauth2-server_error = 授权服务器遇到意外情况，无法完成该请求。
oauth2-temporarily_unavailable = 授权服务器暂时过载或正在维护，当前无法处理该请求。
oauth2-invalid_token = 提供的访问令牌已过期、已被撤销、格式错误，或因其他原因无效。
oauth2-insufficient_scope = 该请求所需的权限高于访问令牌所授予的权限。
oauth2-authorization_pending = 授权请求仍在等待中，最终用户尚未完成交互步骤（第 3.3 节）。
oauth2-slow_down = “authorization_pending”的一种变体：授权请求仍在等待中，应继续轮询，但本次及之后的每次请求都必须将间隔增加 5 秒。
oauth2-expired_token = “device_code”已过期，设备授权会话已结束。
oauth2-insufficient_user_authentication = 与所出示访问令牌关联的认证事件不满足受保护资源的认证要求。
