### errmap's Traditional Chinese (Taiwan) translations of the OpenID Connect error definitions
### (mappings/oidc.toml).
### Converted from locales/zh-CN/codes/oidc.ftl (OpenCC s2twp) and reviewed by hand for Taiwan usage.

oidc-interaction_required = 授權伺服器需要終端使用者進行某種互動才能繼續。
oidc-login_required = 授權伺服器要求終端使用者進行身分驗證。
oidc-account_selection_required = 終端使用者必須在授權伺服器上選擇一個工作階段。
oidc-consent_required = 授權伺服器需要終端使用者的同意。
oidc-invalid_request_uri = 授權請求中的 request_uri 傳回了錯誤或包含無效的資料。
oidc-invalid_request_object = request 參數包含無效的請求物件（Request Object）。
oidc-request_not_supported = OP 不支援使用第 6 節定義的 request 參數。
oidc-request_uri_not_supported = OP 不支援使用第 6 節定義的 request_uri 參數。
oidc-registration_not_supported = OP 不支援使用第 7.2.2 節定義的 registration 參數。
