/** Whether the live event link to the backend is up (the shell shows a banner when it is not). */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'lost'
