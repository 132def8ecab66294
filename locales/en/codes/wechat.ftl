### errmap's own English messages for the WeChat codes whose only text on WeChat's pages
### is Chinese (the `message` of those codes in mappings/wechat.toml). The vendor's Chinese
### text is the source of truth; these lines are ours.

wechat-61450 = A system error occurred.
wechat-50007 = The account is frozen.
wechat-40243 = The AppSecret has been frozen. Unfreeze it, then call again.
wechat-89503 = This call needs the administrator's confirmation. Please wait.
wechat-89506 = The Official Account administrator has refused calls from this IP address. Try again in 24 hours, and check with the administrator before calling.
wechat-89507 = The Official Account administrator has refused calls from this IP address. Try again in 1 hour, and check with the administrator before calling.
wechat-9001006 = Failed to get the OpenID.
