### errmap's own English messages for the Supabase Auth codes whose server sends no fixed text.
### Every other code has the vendor's English message in mappings/supabase.toml.

supabase-unknown = An error occurred that the server did not identify.
supabase-validation_failed = The request is invalid: a parameter is missing, malformed or contradicts another.
supabase-mfa_verification_rejected = The verification was refused. No further attempts are allowed for now.
supabase-bad_code_verifier = The sign-in could not be completed because its verification data does not match. Start the sign-in again.
supabase-email_address_not_provided = The account has no email address.
supabase-webauthn_credential_not_found = The passkey was not found.
supabase-reauth_nonce_missing = The reauthentication code is missing.
supabase-hook_payload_unknown_size = The response of an authentication hook could not be used.
supabase-mfa_recovery_codes_enroll_not_enabled = Setting up MFA recovery codes is turned off.
supabase-mfa_recovery_codes_verify_not_enabled = Verifying with MFA recovery codes is turned off.
supabase-mfa_recovery_codes_locked = MFA recovery codes are locked after too many failed attempts.
supabase-mfa_recovery_codes_sole_factor = MFA recovery codes cannot be your only second factor.
