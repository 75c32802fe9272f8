"""The portal's legal pages as the city writes them in the admin: the legal notice (publisher, host,
data protection officer, cookies), the records of the processing of personal data the portal implies,
and the RGAA accessibility statement with its compliance status."""
