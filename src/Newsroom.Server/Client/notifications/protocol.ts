/** What the staff hub's Inbox method and the user channel carry (InboxContracts.cs). */
export interface InboxNotification {
  eventId: string;
  kind: string;
  title: string;
  excerpt: string;
  link: string;
  actor: { id: string; displayName: string };
  at: string;
}

export interface InboxEntry {
  id: string;
  notification: InboxNotification;
  read: boolean;
}

export interface InboxPage {
  entries: InboxEntry[];
  nextCursor: string | null;
  unread: number;
  version: number;
}

export interface NotificationArrived {
  type: "notification.new";
  entry: InboxEntry;
  unread: number;
}

export interface NotificationsRead {
  type: "notification.read";
  ids: string[];
  unread: number;
}

export interface AllNotificationsRead {
  type: "notification.allRead";
  unread: number;
}

export type InboxEvent = NotificationArrived | NotificationsRead | AllNotificationsRead;
