### Messages and hints for errmap's canonical error kinds (Simplified Chinese).
### One entry per kind in mappings/taxonomy.toml, in the same order.
###
### The value is a short message that can be shown to the person affected.
### `.hint` says what to do next and is addressed to the kind's actor:
### end_user: the person signing in; integrator: the developer calling the API;
### administrator: the tenant or application admin; operator: whoever runs the service.
### `.detailed` (two kinds only) is used instead of the value when its variables are known.


## Signing in

kind-authentication_failed = 登录失败。
    .hint = 请稍后重试。如果一直失败，请联系客服。
kind-invalid_grant = 提供的登录凭据或授权未被接受。
    .hint = 请重新登录以获取新的授权。
kind-invalid_credentials = 账号或密码错误。
    .hint = 请检查账号和密码后重试。如果忘记了密码，可以重置密码。
    .detailed = 账号或密码错误，{ $remaining ->
        [0] 已没有剩余的尝试次数。
       *[other] 还可尝试 { $remaining } 次。
    }
kind-user_not_found = 找不到该账号。
    .hint = 请检查账号是否填写正确；如果还没有账号，请先注册。
kind-bad_password = 密码错误。
    .hint = 请重新输入；如果忘记了密码，可以重置密码。
kind-old_password_incorrect = 输入的当前密码不正确。
    .hint = 请输入您现在登录使用的密码。如果忘记了，请改为重置密码。
kind-refresh_token_invalid = 登录状态已无法续期。
    .hint = 请重新登录以继续。
kind-authorization_code_invalid = 授权码未被接受，无法完成登录。
    .hint = 每个授权码只能兑换一次，请在颁发后尽快兑换，并使用其授权请求中的重定向 URI 和 PKCE code_verifier，然后重新发起登录。
kind-device_code_expired = 此设备的登录请求已过期。
    .hint = 请重新发起设备授权，并向用户展示新的用户码。不要再用旧的设备码轮询。
kind-password_not_set = 该账号未设置密码，无法使用密码登录。
    .hint = 请使用您创建账号时的方式登录，例如已绑定的第三方账号。
kind-client_authentication_failed = 应用自身的凭证验证未通过。
    .hint = 请检查应用发送的客户端 ID 和密钥；如果原密钥已失效，请重新生成。
kind-client_not_found = 该应用未在登录服务中注册。
    .hint = 请检查应用发送的客户端 ID，并确认该客户端已在请求发往的领域（realm）、租户或环境中注册。


## Account status

kind-account_unavailable = 该账号暂时无法使用。
    .hint = 请在用户管理中检查该账号的状态，如有需要，请恢复其访问权限。
kind-locked = 该账号已被锁定。
    .hint = 请先查明账号被锁定的原因，再在用户管理中为其解锁。
kind-locked_temporarily = 由于多次登录失败，该账号已被暂时锁定。
    .hint = 锁定会自动解除，请等待几分钟后重试。
    .detailed = 该账号已被暂时锁定，将在 { $minutes ->
        [0] { $seconds } 秒
       *[other] { $seconds ->
            [0] { $minutes } 分钟
           *[other] { $minutes } 分 { $seconds } 秒
        }
    }后解锁。
kind-disabled = 该账号已被停用。
    .hint = 如果该用户仍应拥有访问权限，请在用户管理中重新启用该账号。
kind-contact_not_verified = 该账号的邮箱或手机号尚未验证。
    .hint = 请按照收到的验证消息完成验证，或重新获取验证消息，然后重试。
kind-signup_failed = 无法创建账号。
    .hint = 请检查填写的信息后重试。如果您已有账号，请直接登录。


## Sessions and tokens

kind-login_required = 需要登录后才能继续。
    .hint = 请登录后重试。
kind-token_invalid = 登录状态无效。
    .hint = 请重新登录以继续。
kind-token_expired = 登录状态已过期。
    .hint = 请重新登录以继续。


## Verification

kind-verification_failed = 验证失败。
    .hint = 请重新完成验证步骤。
kind-verification_code_invalid = 验证码错误。
    .hint = 请核对最近一次收到的验证码，或重新获取验证码。
kind-verification_code_expired = 验证码已过期。
    .hint = 请重新获取验证码，并在收到后尽快输入。
kind-captcha_required = 需要完成人机验证才能继续。
    .hint = 请完成人机验证，然后重新提交。
kind-captcha_invalid = 人机验证未通过。
    .hint = 请重新完成人机验证。
kind-captcha_expired = 人机验证已过期。
    .hint = 请重新完成人机验证，然后再提交。
kind-action_link_invalid = 该链接无效或已被使用。
    .hint = 请重新获取链接，并使用最新一封邮件中的链接。
kind-action_link_expired = 该链接已过期。
    .hint = 请重新获取链接，并在收到后尽快打开。
kind-mfa_code_invalid = 动态验证码错误。
    .hint = 请输入身份验证器应用当前显示的验证码，并确认设备时间准确。
kind-recovery_code_invalid = 恢复码错误。
    .hint = 请核对您保存的恢复码。每个恢复码只能使用一次。
kind-biometric_mismatch = 生物识别验证未通过。
    .hint = 请在光线充足处正对摄像头重试，或改用其他登录方式。


## Sign-in flow steps (not failures)

kind-action_required = 还需完成一个步骤才能完成登录。
    .hint = 请按照页面提示继续操作。
kind-step_up_required = 此操作需要更强或更近期的身份认证。
    .hint = 请按要求完成额外验证后重新登录。
kind-reauthentication_required = 执行此操作前，需要再次确认您的身份。
    .hint = 请重新登录或完成验证，然后再执行此操作。
kind-mfa_required = 需要完成多因素认证才能完成登录。
    .hint = 请输入身份验证器应用中的验证码，或使用其他第二重验证方式继续。
kind-consent_required = 应用需要您的授权同意才能继续。
    .hint = 请查看应用申请的访问权限，同意后即可继续。
kind-authorization_pending = 授权仍在等待用户批准。
    .hint = 请按服务端给出的间隔继续轮询，直到用户批准或请求过期。
kind-password_change_required = 需要设置新密码才能继续。
    .hint = 请设置一个符合密码要求的新密码。
kind-first_login_password_change = 这是您首次登录，请设置新密码。
    .hint = 请设置一个符合要求的新密码，初始密码将不再可用。
kind-account_link_required = 需要将本次登录绑定到账号后才能继续。
    .hint = 请登录您的账号完成绑定，或按照页面提示操作。
kind-account_link_existing_required = 需要将本次登录绑定到已有账号。
    .hint = 请登录您的已有账号完成绑定。此处不支持创建新账号。
kind-account_link_or_create_required = 需要将本次登录绑定到已有账号或新账号。
    .hint = 请登录您的已有账号完成绑定，或创建一个新账号。
kind-profile_completion_required = 需要补充个人资料才能继续。
    .hint = 请填写缺少的信息以完成登录。
kind-flow_completed = 登录已完成。
    .hint = 无需其他操作。
kind-flow_aborted = 登录流程已提前结束。
    .hint = 请返回登录页面重新开始。
kind-login_cancelled = 已取消登录。
    .hint = 如需登录，请随时重新开始。


## Authorization

kind-permission_denied = 您没有执行此操作的权限。
    .hint = 如果该用户应当可以执行此操作，请为其授予相应的权限或角色。
kind-client_not_authorized = 此应用不允许使用这种方式登录。
    .hint = 请在身份提供方的设置中为该应用启用此授权类型或响应类型，或改用允许的流程。
kind-insufficient_scope = 访问令牌未包含执行此操作所需的权限。
    .hint = 请申请包含此操作所需 scope 的令牌。
kind-login_not_allowed = 该账号无权登录此应用。
    .hint = 如果该用户应当拥有访问权限，请在此应用或租户中为其授权。
kind-app_disabled = 该应用已被停用。
    .hint = 请在应用设置中重新启用该应用。
kind-origin_not_allowed = 不允许来自此网站的请求。
    .hint = 请将该来源或域名添加到应用的允许来源或回调地址中。
kind-feature_disabled = 该功能未开通。
    .hint = 请为此应用或租户开通所需的功能或服务。
kind-signup_disabled = 此应用暂不开放注册。
    .hint = 如果需要允许新用户注册，请在应用设置中开启注册。


## Invalid requests

kind-invalid_request = 请求无法处理。
    .hint = 请对照 API 文档检查请求参数。
kind-invalid_parameter = 请求中有参数的值无效。
    .hint = 请对照 API 文档检查参数的格式、长度和取值范围。
kind-invalid_scope = 请求的 scope 无效。
    .hint = 只申请身份提供方已定义、且该应用被允许的 scope。
kind-invalid_email = 邮箱地址格式不正确。
    .hint = 请检查邮箱地址是否有误，格式应类似 name@example.com。
kind-invalid_phone = 手机号格式不正确。
    .hint = 请检查手机号，必要时加上国家或地区代码。
kind-password_policy_violation = 新密码不符合密码要求。
    .hint = 请设置一个更长或更复杂、且未曾使用过的密码。
kind-value_unchanged = 新值与当前值相同。
    .hint = 请输入不同的值，或保持不变。
kind-missing_parameter = 请求缺少必填信息。
    .hint = 请补充缺少的参数。各接口需要哪些参数，请参阅 API 文档。
kind-app_id_missing = 请求未指明所属的应用。
    .hint = 请在请求中提供应用（客户端）ID。
kind-old_password_missing = 修改密码需要提供当前密码。
    .hint = 请同时输入当前密码和新密码。
kind-unsupported_operation = 不支持此操作。
    .hint = 请在 API 文档中确认该接口支持的操作、场景和类型。
kind-precondition_failed = 账号当前的状态不允许执行此操作。
    .hint = 请检查账号设置并完成待处理的步骤，然后重试。
kind-contact_missing = 该账号未绑定邮箱或手机号。
    .hint = 请先为账号绑定邮箱或手机号，然后重试。
kind-email_missing = 该账号未绑定邮箱。
    .hint = 请先为账号绑定邮箱，然后重试。
kind-last_login_method = 这是账号唯一的登录方式，无法解绑。
    .hint = 请先添加其他登录方式，再解绑此方式。


## Not found

kind-resource_not_found = 找不到请求的对象。
    .hint = 请检查请求中的 ID。该对象可能已被删除。
kind-app_not_found = 找不到该应用。
    .hint = 请检查应用（客户端）ID 以及请求发往的环境。
kind-user_pool_not_found = 找不到该用户池。
    .hint = 请检查请求使用的用户池（租户）ID。
kind-link_not_found = 您的账号未绑定此登录方式。
    .hint = 无需解绑。您可以在账号设置中查看已绑定的登录方式。


## Conflicts

kind-conflict = 请求与当前数据冲突。
    .hint = 请重新获取最新数据，再用更新后的值重试请求。
kind-already_exists = 已存在同名或相同标识的对象。
    .hint = 请使用其他名称、编码或标识，或修改已有的对象。
kind-account_exists = 已存在使用这些信息的账号。
    .hint = 请直接登录该账号；如果忘记了密码，可以重置密码。
kind-email_taken = 该邮箱已被其他账号使用。
    .hint = 请使用该邮箱登录，或换一个邮箱。
kind-phone_taken = 该手机号已被其他账号使用。
    .hint = 请使用该手机号登录，或换一个手机号。
kind-username_taken = 该用户名已被占用。
    .hint = 请换一个用户名。
kind-domain_unavailable = 该域名不可用。
    .hint = 该域名已被占用或为保留域名，请换一个域名。
kind-domain_taken = 该域名已被占用。
    .hint = 请换一个域名，或先在正在使用它的应用或用户池中释放该域名。
kind-link_conflict = 该登录方式已被绑定。
    .hint = 无需重复绑定。您可以在账号设置中查看已绑定的登录方式。
kind-already_linked = 您的账号已绑定过此登录方式。
    .hint = 如需绑定另一个，请先解绑当前的。
kind-linked_to_other_account = 此登录方式已绑定到其他账号。
    .hint = 请先登录那个账号并解除绑定，或改用其他登录方式。
kind-resource_in_use = 该对象仍在使用中，无法修改或删除。
    .hint = 请先移除依赖它的内容（例如子组织、用户或已绑定的账号），然后重试。


## Limits and billing

kind-rate_limited = 请求过于频繁。
    .hint = 请稍等片刻后重试。
kind-sms_rate_limited = 短信获取过于频繁。
    .hint = 请等待一分钟后再获取验证码。
kind-billing_error = 由于计费原因，此操作被拒绝。
    .hint = 请向服务提供方核实订阅和计费状态。
kind-quota_exceeded = 已达到订阅的用量上限。
    .hint = 请升级订阅，或等待额度重置（例如到下个月）。
kind-insufficient_balance = 在服务提供方的账户余额不足，无法完成此操作。
    .hint = 请向服务提供方充值，然后重试。


## Configuration, upstreams and servers

kind-configuration_error = 登录服务配置有误。
    .hint = 请在管理控制台中检查应用和租户的配置。
kind-upstream_error = 本次请求所依赖的服务出现故障。
    .hint = 请稍后重试。如果问题持续存在，请检查所依赖服务的状态。
kind-identity_provider_error = 第三方登录服务出现问题。
    .hint = 请检查身份提供方（如社交登录、LDAP、一键登录）的配置和状态，然后重试。
kind-delivery_failed = 验证码或链接发送失败。
    .hint = 请检查消息服务的配置和状态。用户可以稍后重新获取。
kind-sms_delivery_failed = 短信发送失败。
    .hint = 请检查短信服务的配置、余额和状态，然后重试。
kind-email_delivery_failed = 邮件发送失败。
    .hint = 请检查邮件服务的配置（如模板、发件人）和状态，然后重试。
kind-malformed_response = 服务返回的响应无法解析。
    .hint = 请重试。如果问题持续存在，请在日志中查看原始响应，并确认接口版本是否有变化。
kind-network_error = 无法连接到服务。
    .hint = 请检查网络连接后重试。
kind-internal_error = 服务器出现内部错误。
    .hint = 请稍后重试。如果一直失败，请查看日志和服务状态。
kind-service_unavailable = 服务繁忙或暂时不可用。
    .hint = 请稍后重试，并逐步延长重试间隔。如果问题持续存在，请检查服务状态。
kind-unknown = 发生了未知错误。
    .hint = 请在日志中查找原始错误码；如果是新的错误码，请为其添加映射。
kind-redirect_uri_mismatch = 请求中的重定向 URI 未在此应用中注册。
    .hint = 请在应用中注册完全相同的重定向 URI，或改用已注册的 URI（协议、主机、路径及末尾斜杠都必须一致）。
kind-policy_blocked = 登录策略阻止了此请求。
    .hint = 请从允许的位置、网络、设备或应用登录，或询问管理员适用的是哪条访问策略。
