/** Wall-clock times used when a programme file gives a bare date (validation and import agree on these). */
export const DEFAULT_OPENS_TIME = "09:00";
export const DEFAULT_DUE_TIME = "17:00";
