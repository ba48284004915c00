import { useEffect, useState } from 'react';

/** A clock reading that re-renders its user every `everyMs`, for ages and the release clock. */
export function useNow(read: () => number, everyMs = 1000): number {
  const [now, setNow] = useState(read);
  useEffect(() => {
    const t = setInterval(() => setNow(read()), everyMs);
    return () => clearInterval(t);
  }, [read, everyMs]);
  return now;
}
