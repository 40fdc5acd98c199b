/** Opens the post for the day shown in the agenda. */
export function PostButton({ day, days, onOpen }: { day: number; days: number; onOpen: () => void }) {
  return (
    <button type="button" className="button add-session" onClick={onOpen} title="Compose the day's sessions into one post and export it">
      {days > 1 ? `Write the Day ${day} post` : 'Write the post'}
    </button>
  );
}
