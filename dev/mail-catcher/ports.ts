/** Where the local world's catcher listens unless told otherwise (LOCAL_SMTP_PORT, LOCAL_MAIL_PORT). */
export const DEFAULT_MAIL_PORTS = { smtp: 2525, http: 2580 } as const;
