### errmap's own Simplified Chinese messages for the eight third-party-platform codes that
### WeChat documents in English only (the `message` of those codes in mappings/wechat.toml).
### Every other code has WeChat's own Chinese as its message; these lines are ours.

wechat-40091 = component ticket 无效。
wechat-40094 = 第三方平台凭证无效。
wechat-41018 = 缺少 component_appid 参数。
wechat-41019 = 缺少第三方平台 secret（platform_secret）参数。
wechat-41021 = 缺少 component_access_token 参数。
wechat-42006 = component_access_token 已过期。
wechat-61023 = refresh_token 无效。
wechat-61024 = 第三方平台帐号须通过 api_component_token 接口获取 token。
