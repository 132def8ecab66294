### errmap's own Simplified Chinese translations of Authing Android SDK error messages
### that the vendor wrote in English (codes 10001-10010, except 10008).
### The vendor's English text is the source of truth; these lines are ours.

authing-android-10001 = 网络错误。
authing-android-10002 = 未找到配置。
authing-android-10003 = 登录失败。
authing-android-10004 = JSON 解析失败。
authing-android-10005 = 一键登录授权失败。
authing-android-10006 = 一键登录已取消。
authing-android-10007 = 支付宝授权失败。
authing-android-10009 = 头像上传失败。
authing-android-10010 = Facebook 登录已取消或登录失败。
