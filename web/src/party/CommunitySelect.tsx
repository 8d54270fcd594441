import { Select } from 'antd';
import { useCommunities } from './party-api.ts';

/** A community to pick, named with its street/park as the clerks know it; Form.Item passes value and onChange. */
export function CommunitySelect(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const communities = useCommunities();
  return (
    <Select
      {...props}
      showSearch
      optionFilterProp="label"
      options={(communities.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.unit.name}）` }))}
    />
  );
}
