### errmap's own English messages for the AADSTS codes whose table row gives only an internal
### name and no text (message_documented = false in mappings/entra-id.toml), read from that name.

entra-id-AADSTS50043 = A pairwise identifier cannot be generated: more than one salt is configured.
entra-id-AADSTS50086 = The strong authentication service had an error that cannot be retried.
entra-id-AADSTS54000 = The user is a minor and is blocked by the legal age group rule.
entra-id-AADSTS67003 = The actor is not a valid service identity.
entra-id-AADSTS90091 = The Graph service cannot be reached.
entra-id-AADSTS90092 = Graph returned an error that cannot be retried.
entra-id-AADSTS90117 = The request input is not valid.
entra-id-AADSTS120000 = The password could not be changed: the current password is wrong.
entra-id-AADSTS120002 = The password could not be changed: the new password is too weak.
entra-id-AADSTS120003 = The password could not be changed: the new password contains the user's name.
entra-id-AADSTS120004 = The password could not be changed: the new password does not meet the on-premises complexity rules.
entra-id-AADSTS120005 = The password was changed on premises but not in the cloud.
entra-id-AADSTS120011 = The password could not be changed: the user principal name could not be inferred.
entra-id-AADSTS120012 = The password must be changed on premises.
entra-id-AADSTS120013 = The password could not be changed: the on-premises directory cannot be reached.
entra-id-AADSTS120014 = The password could not be changed: the on-premises account is locked out or disabled.
entra-id-AADSTS120015 = An Active Directory administrator must act before the password can be changed.
entra-id-AADSTS120016 = Self-service password reset cannot find the user.
entra-id-AADSTS120018 = The password could not be changed: the new password is too similar to a banned password.
entra-id-AADSTS120020 = The password could not be changed.
entra-id-AADSTS120021 = The partner password reset service had an internal error.
entra-id-AADSTS135010 = The key was not found.
entra-id-AADSTS220501 = The certificate revocation list could not be downloaded.
